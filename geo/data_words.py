"""French and Arabic for the words the bundled data puts on the map, keyed by their English text.

The data files carry English only (``data/flows/metrics.csv``, ``relations.csv``, the route names,
the figures' sources); place and country names have their own ``name_fr``/``name_ar`` columns.
A phrase is translated only when the data still says exactly what is listed here: a user's own
metric, route or source keeps its own words rather than a translation of something else. Read
through :meth:`geo.map_language.MapLanguage.phrase`.

Organisations are named as they name themselves in each language (UNHCR is "HCR" in French, IOM
is "OIM"); report titles are cited as published and stay untranslated.
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # English: (French, Arabic)
    # metrics.csv: labels
    "Arrivals": ("Arrivées", "حالات الوصول"),
    "Departures": ("Départs", "حالات المغادرة"),
    "Interceptions": ("Interceptions", "حالات الاعتراض"),
    "Returns": ("Retours", "حالات الإعادة"),
    "Dead and missing": ("Morts et disparus", "الموتى والمفقودون"),
    "Rescues": ("Sauvetages", "عمليات الإنقاذ"),
    "Expulsions": ("Expulsions", "عمليات الطرد"),
    "Migrants present": ("Migrants présents", "المهاجرون الموجودون"),
    "Refugees and asylum-seekers": ("Réfugiés et demandeurs d’asile", "اللاجئون وطالبو اللجوء"),
    "Assisted voluntary returns": ("Retours volontaires assistés", "العودة الطوعية بمساعدة"),
    "Stranded": ("Personnes bloquées", "العالقون"),
    # metrics.csv: what each symbol says
    "People arriving, arrow at the destination":
        ("Personnes arrivées, flèche à la destination", "أشخاص وصلوا، والسهم عند الوجهة"),
    "People leaving, arrow towards the destination":
        ("Personnes parties, flèche vers la destination", "أشخاص غادروا، والسهم نحو الوجهة"),
    "Intercepted at sea and returned: the arrow points to the coast people were taken back to":
        ("Interceptées en mer et ramenées\u00a0: la flèche pointe vers la côte où les personnes ont été reconduites",
         "اعتُرضوا في البحر وأُعيدوا: يشير السهم إلى الساحل الذي أُعيدوا إليه"),
    "Returned to the departure country: the arrow points back to it":
        ("Renvoyées vers le pays de départ\u00a0: la flèche pointe vers celui-ci",
         "أُعيدوا إلى بلد المغادرة: يشير السهم عائدًا إليه"),
    "Dead or missing on the route: circle area to scale, placed on the route":
        ("Mortes ou disparues sur la route\u00a0: surface du cercle proportionnelle, placé sur la route",
         "موتى أو مفقودون على الطريق: مساحة الدائرة متناسبة مع العدد، وموضعها على الطريق"),
    "Rescued at sea: circle area to scale, placed on the route":
        ("Secourues en mer\u00a0: surface du cercle proportionnelle, placé sur la route",
         "أُنقذوا في البحر: مساحة الدائرة متناسبة مع العدد، وموضعها على الطريق"),
    "Expelled across a land border, arrow in the direction of expulsion":
        ("Expulsées par une frontière terrestre, flèche dans le sens de l’expulsion",
         "طُردوا عبر حدود برية، والسهم في اتجاه الطرد"),
    # route groups (geo.styles.GROUP_LABELS)
    "Atlantic route": ("Route atlantique", "الطريق الأطلسي"),
    "Western Mediterranean route": ("Route de la Méditerranée occidentale", "طريق غرب البحر الأبيض المتوسط"),
    "Central Mediterranean route": ("Route de la Méditerranée centrale", "طريق وسط البحر الأبيض المتوسط"),
    "Algeria–Balearic route": ("Route Algérie–Baléares", "طريق الجزائر–جزر البليار"),
    "Expulsions (land)": ("Expulsions (voie terrestre)", "عمليات الطرد (برًا)"),
    # routes.shp: routes as a reader knows them (geo.routes.route_caption)
    "Algerian route": ("Route algérienne", "الطريق الجزائري"),
    "Routes to Spain": ("Routes vers l’Espagne", "الطرق إلى إسبانيا"),
    "Atlantic and Western Mediterranean": ("Atlantique et Méditerranée occidentale", "الأطلسي وغرب المتوسط"),
    "Senegal and the Gambia to the Canary Islands":
        ("Du Sénégal et de la Gambie aux îles Canaries", "من السنغال وغامبيا إلى جزر الكناري"),
    "Mauritania to the Canary Islands": ("De la Mauritanie aux îles Canaries", "من موريتانيا إلى جزر الكناري"),
    "Morocco and Western Sahara to the Canary Islands":
        ("Du Maroc et du Sahara occidental aux îles Canaries", "من المغرب والصحراء الغربية إلى جزر الكناري"),
    "sea arrivals to the Spanish peninsula":
        ("arrivées par mer sur la péninsule espagnole", "الوصول بحرًا إلى شبه الجزيرة الإسبانية"),
    "Morocco to mainland Spain by sea":
        ("Du Maroc à l’Espagne continentale par mer", "من المغرب إلى البر الإسباني بحرًا"),
    "Algeria to mainland Spain by sea":
        ("De l’Algérie à l’Espagne continentale par mer", "من الجزائر إلى البر الإسباني بحرًا"),
    "land arrivals to Ceuta and Melilla":
        ("arrivées par voie terrestre à Ceuta et Melilla", "الوصول برًا إلى سبتة ومليلية"),
    "Morocco to Ceuta by land": ("Du Maroc à Ceuta par voie terrestre", "من المغرب إلى سبتة برًا"),
    "Morocco to Melilla by land": ("Du Maroc à Melilla par voie terrestre", "من المغرب إلى مليلية برًا"),
    "Libya to Italy": ("De la Libye à l’Italie", "من ليبيا إلى إيطاليا"),
    "Tunisia to Italy": ("De la Tunisie à l’Italie", "من تونس إلى إيطاليا"),
    "Algeria to the Balearic Islands": ("De l’Algérie aux îles Baléares", "من الجزائر إلى جزر البليار"),
    "Algeria to Sardinia": ("De l’Algérie à la Sardaigne", "من الجزائر إلى سردينيا"),
    "Algeria to Niger": ("De l’Algérie au Niger", "من الجزائر إلى النيجر"),
    "Libya to Niger": ("De la Libye au Niger", "من ليبيا إلى النيجر"),
    # relations.csv: the names totals are labelled with
    "Canary Islands": ("Îles Canaries", "جزر الكناري"),
    "Spain (WMR)": ("Espagne (Méditerranée occidentale)", "إسبانيا (غرب المتوسط)"),
    "Spain by sea": ("Espagne par mer", "إسبانيا بحرًا"),
    "Ceuta and Melilla": ("Ceuta et Melilla", "سبتة ومليلية"),
    "Italy": ("Italie", "إيطاليا"),
    "Spain": ("Espagne", "إسبانيا"),
    # the figures' sources
    "UNHCR": ("HCR", "مفوضية الأمم المتحدة لشؤون اللاجئين"),
    "IOM": ("OIM", "المنظمة الدولية للهجرة"),
    "IOM Missing Migrants Project": ("Projet Migrants disparus de l’OIM", "مشروع المهاجرين المفقودين التابع للمنظمة الدولية للهجرة"),
    "Spanish Ministry of the Interior": ("ministère de l’Intérieur espagnol", "وزارة الداخلية الإسبانية"),
    "IOM DTM": ("DTM de l’OIM", "مصفوفة تتبع النزوح التابعة للمنظمة الدولية للهجرة"),
    "Moroccan authorities": ("autorités marocaines", "السلطات المغربية"),
    "Italian Ministry of the Interior": ("ministère de l’Intérieur italien", "وزارة الداخلية الإيطالية"),
}

LANGUAGE_COLUMN = {"fr": 0, "ar": 1}
