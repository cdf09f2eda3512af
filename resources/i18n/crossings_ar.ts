<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/about.py" line="9"/>
        <source>Country boundaries</source>
        <translation>حدود الدول</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="10"/>
        <source>Routes</source>
        <translation>الطرق</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="11"/>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="12"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="14"/>
        <source>Fonts</source>
        <translation>الخطوط</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="15"/>
        <source>Software</source>
        <translation>البرمجيات</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="32"/>
        <source>About Crossings</source>
        <translation>حول Crossings</translation>
    </message>
</context>
<context>
    <name>CalloutActions</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="205"/>
        <source>&amp;Callouts…</source>
        <translation>&amp;التعليقات…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="207"/>
        <source>Short texts in a box tied to a place, a route or a point (undoable)</source>
        <translation>نصوص قصيرة في إطار، مرتبطة بمكان أو مسار أو نقطة (يمكن التراجع)</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="227"/>
        <source>Add callout</source>
        <translation>إضافة تعليق</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="232"/>
        <source>Edit callout {0}</source>
        <translation>تعديل التعليق {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="237"/>
        <source>Remove callout {0}</source>
        <translation>إزالة التعليق {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="243"/>
        <source>Move callout {0}</source>
        <translation>نقل التعليق {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="243"/>
        <source>Reset callout {0}&apos;s position</source>
        <translation>إعادة تعيين موضع التعليق {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="304"/>
        <source>Move callout</source>
        <translation>نقل التعليق</translation>
    </message>
</context>
<context>
    <name>CalloutForm</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="45"/>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="45"/>
        <source>French</source>
        <translation>الفرنسية</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="46"/>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="56"/>
        <source>Callout</source>
        <translation>تعليق</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Place</source>
        <translation>مكان</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Route</source>
        <translation>مسار</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Point</source>
        <translation>نقطة</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="74"/>
        <source>Tied to</source>
        <translation>مرتبط بـ</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="75"/>
        <source>Place or route</source>
        <translation>المكان أو المسار</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="79"/>
        <source>Longitude, latitude</source>
        <translation>خط الطول، خط العرض</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="82"/>
        <source>A language left empty prints the English text (and the export says so).</source>
        <translation>إذا تُركت لغة فارغة يُطبع النص الإنجليزي (ويُشير التصدير إلى ذلك).</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="118"/>
        <source>Choose a place or a route</source>
        <translation>اختر مكانًا أو مسارًا</translation>
    </message>
</context>
<context>
    <name>CalloutsDialog</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="139"/>
        <source>Callouts</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Add…</source>
        <translation>&amp;إضافة…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Edit…</source>
        <translation>&amp;تعديل…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Remove</source>
        <translation>إ&amp;زالة</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="148"/>
        <source>Reset &amp;position</source>
        <translation>إعادة تعيين ال&amp;موضع</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="166"/>
        <source> (moved)</source>
        <translation> (منقول)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../gui/compare_panel.py" line="82"/>
        <source>Hold the width scale across periods</source>
        <translation>تثبيت مقياس العرض عبر الفترات</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="83"/>
        <source>Fit the widths to the largest figure of every period of the same kind, so a width means the same figure on every quarter&apos;s (or year&apos;s) map</source>
        <translation>مواءمة العروض مع أكبر رقم في كل الفترات من النوع نفسه، بحيث يدل العرض نفسه على الرقم نفسه في خريطة كل ربع سنة (أو كل سنة)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="86"/>
        <location filename="../../gui/compare_panel.py" line="248"/>
        <source>No comparison</source>
        <translation>بلا مقارنة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="86"/>
        <source>Previous period</source>
        <translation>الفترة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="87"/>
        <source>Same period a year earlier</source>
        <translation>الفترة نفسها قبل عام</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="89"/>
        <source>Colour flows by change</source>
        <translation>تلوين التدفقات حسب التغيّر</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="91"/>
        <source>proportional, e.g. 1000, 5000, 10000</source>
        <translation>تناسبي، مثلاً 1000, 5000, 10000</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="92"/>
        <source>Class limits for classed widths; empty for widths in proportion</source>
        <translation>حدود الفئات للعروض المصنّفة؛ اتركه فارغًا لعروض تناسبية</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="94"/>
        <source>none: fitted to the figures</source>
        <translation>بلا قيمة: المقياس مُواءم مع الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="95"/>
        <source>The figure drawn at the full width on every map; it overrides the held scale</source>
        <translation>الرقم الذي يُرسم بالعرض الكامل في كل خريطة؛ ويتقدّم على المقياس المثبّت</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="103"/>
        <source>Compare with</source>
        <translation>المقارنة مع</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="105"/>
        <source>Class limits</source>
        <translation>حدود الفئات</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="106"/>
        <location filename="../../gui/compare_panel.py" line="274"/>
        <source>Fixed scale value</source>
        <translation>قيمة المقياس الثابتة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="108"/>
        <location filename="../../gui/compare_panel.py" line="313"/>
        <location filename="../../gui/compare_panel.py" line="343"/>
        <source>Small multiples</source>
        <translation>خرائط مصغّرة متعددة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="111"/>
        <source>Export small multiples…</source>
        <translation>تصدير الخرائط المصغّرة المتعددة…</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="112"/>
        <source>The checked periods side by side in one PNG, on one width scale</source>
        <translation>الفترات المعلَّمة جنبًا إلى جنب في ملف PNG واحد، بمقياس عرض واحد</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="120"/>
        <source>Export extent</source>
        <translation>امتداد التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="121"/>
        <source>Use this &amp;view as the export extent</source>
        <translation>استخدام هذا ال&amp;عرض امتدادًا للتصدير</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="123"/>
        <source>Exports show what the map window shows now</source>
        <translation>تُظهر الملفات المصدَّرة ما تعرضه نافذة الخريطة الآن</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="124"/>
        <source>&amp;Reset export extent</source>
        <translation>&amp;إعادة تعيين امتداد التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="148"/>
        <source>Hold the width scale</source>
        <translation>تثبيت مقياس العرض</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="149"/>
        <source>Fit widths to each period</source>
        <translation>مواءمة العروض مع كل فترة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="152"/>
        <source>Colour by change</source>
        <translation>التلوين حسب التغيّر</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="152"/>
        <source>Colour by route</source>
        <translation>التلوين حسب المسار</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="179"/>
        <source>Exports fit the flows drawn, clear of the title and legend</source>
        <translation>تتلاءم الملفات المصدَّرة مع التدفقات المرسومة، بعيدًا عن العنوان ومفتاح الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="180"/>
        <source>Exports show the regional default: {0}</source>
        <translation>تُظهر الملفات المصدَّرة الامتداد الإقليمي الافتراضي: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="181"/>
        <source>Exports show {0}</source>
        <translation>تُظهر الملفات المصدَّرة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="247"/>
        <source>Compare with the previous period</source>
        <translation>المقارنة مع الفترة السابقة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="248"/>
        <source>Compare with a year earlier</source>
        <translation>المقارنة مع ما قبل عام</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="256"/>
        <source>Class limits: {0!r} is not a number; write limits such as 1000, 5000, 10000</source>
        <translation>حدود الفئات: {0!r} ليس رقمًا؛ اكتب حدودًا مثل 1000, 5000, 10000</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="260"/>
        <source>Classed widths</source>
        <translation>عروض مصنّفة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="260"/>
        <source>Proportional widths</source>
        <translation>عروض تناسبية</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="270"/>
        <source>Fixed scale value: {0!r} is not a number; leave it empty to fit the widths</source>
        <translation>قيمة المقياس الثابتة: {0!r} ليست رقمًا؛ اتركها فارغة لمواءمة العروض</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="274"/>
        <source>Scale fitted to the figures</source>
        <translation>مقياس مُواءم مع الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="289"/>
        <source>Use this view as the export extent</source>
        <translation>استخدام هذا العرض امتدادًا للتصدير</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="296"/>
        <source>Reset export extent</source>
        <translation>إعادة تعيين امتداد التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="300"/>
        <source>Export small multiples</source>
        <translation>تصدير الخرائط المصغّرة المتعددة</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="301"/>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="313"/>
        <source>Check at least two periods to compare</source>
        <translation>علّم فترتين على الأقل للمقارنة</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="48"/>
        <source>PNG image</source>
        <translation>صورة PNG</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="49"/>
        <source>PDF (vector)</source>
        <translation>PDF (متجهي)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="50"/>
        <source>SVG (vector, named layers)</source>
        <translation>SVG (متجهي، طبقات مسماة)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="51"/>
        <source>GeoJSON, one file per layer</source>
        <translation>GeoJSON، ملف لكل طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="52"/>
        <source>GeoPackage, all layers</source>
        <translation>GeoPackage، كل الطبقات</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="53"/>
        <source>Web map (one HTML file that works offline)</source>
        <translation>خريطة ويب (ملف HTML واحد يعمل دون اتصال)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="136"/>
        <source>Export map</source>
        <translation>تصدير الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="150"/>
        <source>Landscape</source>
        <translation>أفقي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="151"/>
        <source>Portrait</source>
        <translation>عمودي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="154"/>
        <source>Transparent background</source>
        <translation>خلفية شفافة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="157"/>
        <source>Frame the map&apos;s current view</source>
        <translation>تأطير العرض الحالي للخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="158"/>
        <source>Export exactly what the map window shows (widened to the page&apos;s shape) instead of fitting the frame to the flows</source>
        <translation>تصدير ما تعرضه نافذة الخريطة تمامًا (موسَّعًا ليلائم شكل الصفحة) بدلًا من ملاءمة الإطار للتدفقات</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="162"/>
        <source>Automatic: where the map needs one</source>
        <translation>تلقائية: حيث تحتاجها الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="163"/>
        <source>None</source>
        <translation>بدون</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="167"/>
        <source>Small maps of the areas the page&apos;s map cannot show legibly (PNG, PDF and SVG; the web map zooms instead)</source>
        <translation>خرائط صغيرة للمناطق التي لا تستطيع خريطة الصفحة إظهارها بوضوح (PNG وPDF وSVG؛ أما خريطة الويب فتُكبَّر بدلًا من ذلك)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="170"/>
        <source>Automatic: beside the map when it is large</source>
        <translation>تلقائي: بجانب الخريطة إذا كان كبيرًا</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="171"/>
        <source>Over the map</source>
        <translation>على الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="172"/>
        <source>Beside the map</source>
        <translation>بجانب الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="174"/>
        <source>Over the map, a large legend makes the map smaller: its frame keeps every flow clear of it. Beside it, the legend has a column of its own</source>
        <translation>على الخريطة، يُصغّر مفتاح الخريطة الكبير الخريطة: إذ يُبقي إطارها كل تدفق بعيدًا عنه. أما بجانبها، فيكون لمفتاح الخريطة عمود خاص به</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="177"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="188"/>
        <source>Paper</source>
        <translation>الورق</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="189"/>
        <source>Orientation</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="190"/>
        <source>Resolution</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="193"/>
        <source>Inset maps</source>
        <translation>خرائط داخلية</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="194"/>
        <source>Legend</source>
        <translation>مفتاح الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="198"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="199"/>
        <source>File name</source>
        <translation>اسم الملف</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="200"/>
        <source>Formats</source>
        <translation>الصيغ</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="204"/>
        <source>Preview of the page as it will be exported</source>
        <translation>معاينة الصفحة كما ستُصدَّر</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="209"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="267"/>
        <source>Export settings</source>
        <translation>إعدادات التصدير</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="297"/>
        <source>Choose at least one format</source>
        <translation>اختر صيغة واحدة على الأقل</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="301"/>
        <source>Not exported: the existing files were kept</source>
        <translation>لم يُصدَّر شيء: احتُفظ بالملفات الموجودة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="306"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="307"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="318"/>
        <source>Writing {0}…</source>
        <translation>جارٍ كتابة {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="324"/>
        <source>Wrote {0} files to {1}</source>
        <translation>كُتب {0} ملفات في {1}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="329"/>
        <source>Export failed: {0}</source>
        <translation>فشل التصدير: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="333"/>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="342"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="351"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
</context>
<context>
    <name>FiguresEditor</name>
    <message>
        <location filename="../../gui/figures_editor.py" line="61"/>
        <location filename="../../gui/figures_editor.py" line="255"/>
        <source>Edit figures</source>
        <translation>تعديل الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="64"/>
        <source>Filter by route, period, metric or source</source>
        <translation>التصفية حسب المسار أو الفترة أو المؤشر أو المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="68"/>
        <source>Row in the figures file (row 1 is the header)</source>
        <translation>رقم الصف في ملف الأرقام (الصف 1 هو صف العناوين)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="71"/>
        <location filename="../../gui/figures_editor.py" line="79"/>
        <source>Paste</source>
        <translation>لصق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="76"/>
        <source>Add row</source>
        <translation>إضافة صف</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="77"/>
        <source>A new figure for the period, metric and source shown on the map</source>
        <translation>رقم جديد للفترة والمؤشر والمصدر المعروضة على الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="78"/>
        <source>Delete rows</source>
        <translation>حذف الصفوف</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="80"/>
        <source>Spreadsheet cells: with a header row they are added as new rows; without, they overwrite the cells from the selected one on (Ctrl+V)</source>
        <translation>خلايا جدول بيانات: إن كان معها صف عناوين تُضاف صفوفًا جديدة؛ وإلا فإنها تحل محل الخلايا بدءًا من الخلية المحددة (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="82"/>
        <source>New period…</source>
        <translation>فترة جديدة…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="83"/>
        <source>Copy the current period&apos;s routes into a new period, with empty figures to fill in</source>
        <translation>نسخ مسارات الفترة الحالية إلى فترة جديدة، بأرقام فارغة لتعبئتها</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="203"/>
        <source>New period</source>
        <translation>فترة جديدة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="204"/>
        <source>Period to add (e.g. 2025Q1), with the routes of {0}:</source>
        <translation>الفترة المراد إضافتها (مثلاً 2025Q1)، بمسارات {0}:</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="215"/>
        <source>{0} has figures already: they are shown</source>
        <translation>للفترة {0} أرقام بالفعل: وهي معروضة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="223"/>
        <source>{0} added: type its figures</source>
        <translation>أُضيفت الفترة {0}: أدخل أرقامها</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="244"/>
        <source>No figure changed</source>
        <translation>لم يتغير أي رقم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="260"/>
        <source>Figures applied ({0} rows)</source>
        <translation>طُبّقت الأرقام (عدد الصفوف: {0})</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <location filename="../../gui/figures_table.py" line="41"/>
        <source>drawn</source>
        <translation>مرسوم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="42"/>
        <source>total label</source>
        <translation>تسمية المجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="43"/>
        <source>outline, part of another</source>
        <translation>محيط، جزء من رقم آخر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="44"/>
        <source>in its parent&apos;s figure</source>
        <translation>ضمن رقم المسار الأم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="45"/>
        <source>in the total&apos;s remainder</source>
        <translation>ضمن باقي المجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="46"/>
        <source>by its branches</source>
        <translation>عبر فروعه</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="47"/>
        <source>no figure</source>
        <translation>لا رقم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="48"/>
        <source>not applicable</source>
        <translation>لا ينطبق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="140"/>
        <source>Route</source>
        <translation>الطريق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="140"/>
        <source>Figure</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="141"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="141"/>
        <source>Shown as</source>
        <translation>يظهر كـ</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="142"/>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="143"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="143"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="144"/>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="144"/>
        <source>missing</source>
        <translation>ناقص</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="145"/>
        <source>outlier</source>
        <translation>قيمة شاذة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="145"/>
        <source>sources</source>
        <translation>مصادر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="146"/>
        <source>total</source>
        <translation>مجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="174"/>
        <source>Route colour…</source>
        <translation>لون الطريق…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="175"/>
        <source>Colour of the selected route&apos;s group (e.g. all Central Mediterranean branches)</source>
        <translation>لون مجموعة الطريق المحدد (مثلاً كل فروع وسط المتوسط)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="177"/>
        <source>Edit all figures…</source>
        <translation>تعديل كل الأرقام…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="178"/>
        <source>Every figure of every period: type, paste or add a period</source>
        <translation>كل أرقام كل الفترات: اكتب أو الصق أو أضف فترة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="234"/>
        <source>{0} routes, {1} with problems</source>
        <translation>{0} طرق، {1} بها مشاكل</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="258"/>
        <source>Figure of {0}</source>
        <translation>رقم {0}</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="282"/>
        <source>Colour of {0}</source>
        <translation>لون {0}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/file_actions.py" line="74"/>
        <source>Reading {0}…</source>
        <translation>جارٍ قراءة {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="80"/>
        <source>Choose a sheet</source>
        <translation>اختر ورقة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="81"/>
        <source>{0} holds several sheets. Which one holds the figures?</source>
        <translation>يحتوي {0} على عدة أوراق. أيها يحتوي على الأرقام؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="83"/>
        <source>Choose a layer</source>
        <translation>اختر طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="84"/>
        <source>{0} holds several layers. Which one should be opened?</source>
        <translation>يحتوي {0} على عدة طبقات. أيها يجب فتحها؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="95"/>
        <source>Add to the loaded figures</source>
        <translation>الإضافة إلى الأرقام المحمّلة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="95"/>
        <source>Replace the loaded figures</source>
        <translation>استبدال الأرقام المحمّلة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="97"/>
        <location filename="../../gui/file_actions.py" line="110"/>
        <source>Open figures {0}</source>
        <translation>فتح الأرقام {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="98"/>
        <source>Figures are loaded already. Add those of {0} to them, or replace them?</source>
        <translation>هناك أرقام محمّلة بالفعل. هل تريد إضافة أرقام {0} إليها أم استبدالها بها؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="101"/>
        <location filename="../../gui/file_actions.py" line="152"/>
        <source>Nothing changed: {0} was not opened</source>
        <translation>لم يتغير شيء: لم يُفتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="120"/>
        <source>Cannot add {0}</source>
        <translation>تعذرت إضافة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="123"/>
        <source>Nothing to add</source>
        <translation>لا شيء للإضافة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="124"/>
        <source>Every figure of {0} is loaded already.</source>
        <translation>كل أرقام {0} محمّلة بالفعل.</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="131"/>
        <source>Add figures {0}</source>
        <translation>إضافة الأرقام {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="136"/>
        <source>{0} added, with conflicts</source>
        <translation>أُضيف {0} مع تعارضات</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="137"/>
        <source>{0} figures differ from the loaded ones; both are kept, side by side:</source>
        <translation>عدد الأرقام التي تختلف عن الأرقام المحمّلة: {0}؛ احتُفظ بالنسختين جنبًا إلى جنب:</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="139"/>
        <source>
… and {0} more</source>
        <translation>
… و{0} أخرى</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="146"/>
        <source>Replace the routes layer {0}</source>
        <translation>استبدال طبقة المسارات {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="148"/>
        <source>Open routes {0}</source>
        <translation>فتح المسارات {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="149"/>
        <source>{0} has routes with the ids of the routes layer {1}. Route ids are unique across routes layers: replace that layer with it?</source>
        <translation>يحتوي {0} على مسارات تحمل معرّفات مسارات طبقة المسارات {1}. معرّف المسار فريد في كل طبقات المسارات: هل تريد استبدال تلك الطبقة به؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="155"/>
        <source>Replace layer {0}</source>
        <translation>استبدال الطبقة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="159"/>
        <source>Add layer {0}</source>
        <translation>إضافة الطبقة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="166"/>
        <source>{0} opened, with warnings</source>
        <translation>فُتح {0} مع تحذيرات</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="172"/>
        <source>Cannot use this file</source>
        <translation>لا يمكن استخدام هذا الملف</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="187"/>
        <source>{0}: could not be read ({1})</source>
        <translation>{0}: تعذرت القراءة ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="188"/>
        <source>Cannot open {0}</source>
        <translation>تعذر فتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="89"/>
        <location filename="../../gui/file_actions.py" line="189"/>
        <source>Nothing changed: {0} could not be opened</source>
        <translation>لم يتغير شيء: تعذر فتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="218"/>
        <source>Opened {0}</source>
        <translation>فُتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="233"/>
        <source>Cannot save the project</source>
        <translation>تعذر حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="239"/>
        <source>Saved {0}; copied {1} into {2}</source>
        <translation>تم حفظ {0}؛ ونُسخ {1} إلى {2}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="242"/>
        <source>Saved {0}</source>
        <translation>حُفظ {0}</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <location filename="../../gui/layer_list_model.py" line="16"/>
        <source>Countries</source>
        <translation>الدول</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="16"/>
        <source>Routes</source>
        <translation>الطرق</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="17"/>
        <source>Places</source>
        <translation>الأماكن</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="48"/>
        <source>no file</source>
        <translation>بلا ملف</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="49"/>
        <source>{kind} layer, {n} features
{where}</source>
        <translation>طبقة {kind}، {n} عنصر
{where}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="65"/>
        <source>Show {0}</source>
        <translation>إظهار {0}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="65"/>
        <source>Hide {0}</source>
        <translation>إخفاء {0}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="81"/>
        <source>Move {0}</source>
        <translation>نقل {0}</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../gui/layer_panel.py" line="48"/>
        <source>Tick to show a layer; drag to change the drawing order (top is drawn last)</source>
        <translation>علّم لإظهار طبقة؛ اسحب لتغيير ترتيب الرسم (العليا تُرسم أخيراً)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="50"/>
        <source>Opacity of the selected layer</source>
        <translation>عتامة الطبقة المحددة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="51"/>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="54"/>
        <location filename="../../gui/layer_panel.py" line="72"/>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="55"/>
        <source>Show the layer&apos;s labels (place names, country names, flow values)</source>
        <translation>إظهار تسميات الطبقة (الأماكن، الدول، قيم التدفقات)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="56"/>
        <source>Zoom to layer</source>
        <translation>تكبير إلى الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="58"/>
        <location filename="../../gui/layer_panel.py" line="71"/>
        <source>Opacity</source>
        <translation>العتامة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="59"/>
        <location filename="../../gui/layer_panel.py" line="125"/>
        <source>Width</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="103"/>
        <source>Width of the largest flow on paper</source>
        <translation>عرض أكبر تدفق على الورق</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="104"/>
        <source>Width of the outlines on paper</source>
        <translation>عرض الحدود على الورق</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="106"/>
        <location filename="../../gui/layer_panel.py" line="135"/>
        <source>Land colour</source>
        <translation>لون اليابسة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="107"/>
        <source>Colour routes by group in the Figures panel</source>
        <translation>لوّن الطرق حسب المجموعة في لوحة الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="123"/>
        <source>Flow width</source>
        <translation>عرض التدفقات</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="62"/>
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="63"/>
        <source>Thematic layers</source>
        <translation>الطبقات الموضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="64"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="65"/>
        <source>Trend</source>
        <translation>الاتجاه الزمني</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="66"/>
        <source>Compare</source>
        <translation>المقارنة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>&amp;Open data…</source>
        <translation>&amp;فتح بيانات…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119"/>
        <source>Open boundaries, routes, points (any OGR file or CSV with lat/lon) or figures (CSV/XLSX)</source>
        <translation>فتح الحدود أو الطرق أو النقاط (أي ملف OGR أو CSV بخطوط الطول والعرض) أو الأرقام (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120"/>
        <source>Open &amp;project…</source>
        <translation>فتح &amp;مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>&amp;Save project</source>
        <translation>&amp;حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>Save project &amp;as…</source>
        <translation>حفظ المشروع &amp;باسم…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>Export the map as PNG and the layers as GeoJSON or GeoPackage</source>
        <translation>تصدير الخريطة بصيغة PNG والطبقات بصيغة GeoJSON أو GeoPackage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>Export &amp;series…</source>
        <translation>تصدير &amp;سلسلة…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>Every period, metric and language chosen, on one width scale per metric, with a PDF atlas</source>
        <translation>كل فترة ومؤشر ولغة مختارة، بمقياس عرض واحد لكل مؤشر، مع أطلس PDF</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128"/>
        <location filename="../../gui/main_window.py" line="299"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129"/>
        <location filename="../../gui/main_window.py" line="300"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130"/>
        <source>Pre&amp;ferences…</source>
        <translation>الت&amp;فضيلات…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="135"/>
        <source>&amp;Full extent</source>
        <translation>الامتداد ال&amp;كامل</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="136"/>
        <source>Zoom to &amp;layer</source>
        <translation>تكبير إلى ال&amp;طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>&amp;Previous period</source>
        <translation>الفترة ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138"/>
        <source>&amp;Next period</source>
        <translation>الفترة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>&amp;About Crossings</source>
        <translation>&amp;حول Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140"/>
        <source>Map &amp;title and notes…</source>
        <translation>&amp;عنوان الخريطة وملاحظاتها…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>The map&apos;s title, subtitle and notes</source>
        <translation>عنوان الخريطة وعنوانها الفرعي وملاحظاتها</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>Edit &amp;figures…</source>
        <translation>تعديل ال&amp;أرقام…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143"/>
        <source>Type, paste or add a period of figures (undoable)</source>
        <translation>كتابة الأرقام أو لصقها أو إضافة فترة منها (يمكن التراجع)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>&amp;Remove layer</source>
        <translation>إ&amp;زالة الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>Remove the layer selected in the layer panel (undoable)</source>
        <translation>إزالة الطبقة المحددة في لوحة الطبقات (يمكن التراجع)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>&amp;Web map preview</source>
        <translation>معاينة خريطة ال&amp;ويب</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="147"/>
        <source>The interactive web map of the current selection, as exported (works offline)</source>
        <translation>خريطة الويب التفاعلية للاختيار الحالي كما تُصدَّر (تعمل دون اتصال)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>Open &amp;recent</source>
        <translation>الملفات ال&amp;حديثة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="158"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="182"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>Longitude and latitude under the cursor (WGS84)</source>
        <translation>خط الطول والعرض تحت المؤشر (WGS84)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>drawn in {0:.0f} ms</source>
        <translation>رُسمت في {0:.0f} مللي ثانية</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="214"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>Edit title and notes</source>
        <translation>تعديل العنوان والملاحظات</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251"/>
        <source>Remove layer</source>
        <translation>إزالة الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="252"/>
        <source>The routes carry the figures&apos; flows; open other routes instead of removing them</source>
        <translation>تحمل المسارات تدفقات الأرقام؛ افتح مسارات أخرى بدلًا من إزالتها</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254"/>
        <source>Remove layer {0}</source>
        <translation>إزالة الطبقة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <location filename="../../gui/main_window.py" line="288"/>
        <source>Web map</source>
        <translation>خريطة ويب</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Building the web map…</source>
        <translation>جارٍ إنشاء خريطة الويب…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="299"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;تراجع: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="300"/>
        <source>&amp;Redo {0}</source>
        <translation>إ&amp;عادة: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="307"/>
        <source>Untitled map</source>
        <translation>خريطة بلا عنوان</translation>
    </message>
</context>
<context>
    <name>MapTextDialog</name>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="16"/>
        <source>Map title and notes</source>
        <translation>عنوان الخريطة وملاحظاتها</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="20"/>
        <source>Leave empty to describe the metric, period and dates automatically</source>
        <translation>اتركه فارغًا لوصف المؤشر والفترة والتواريخ تلقائيًا</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="22"/>
        <source>Kept in the project and printed in the web map</source>
        <translation>تُحفظ في المشروع وتظهر في خريطة الويب</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="24"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="25"/>
        <source>Subtitle</source>
        <translation>العنوان الفرعي</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="26"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
</context>
<context>
    <name>PointStyleBox</name>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Label</source>
        <translation>التسمية</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="39"/>
        <source>Colour the points by this column: a legend entry per value</source>
        <translation>تلوين النقاط حسب هذا العمود: بند في مفتاح الخريطة لكل قيمة</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="40"/>
        <source>Size the points by this column of numbers: circle area to scale</source>
        <translation>تحديد حجم النقاط حسب عمود الأعداد هذا: مساحة الدائرة متناسبة مع العدد</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="41"/>
        <source>Name each point with this column&apos;s text</source>
        <translation>تسمية كل نقطة بنص هذا العمود</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="46"/>
        <source>Palette</source>
        <translation>لوحة الألوان</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="63"/>
        <source>(none)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="90"/>
        <source>Point style: {0}</source>
        <translation>نمط النقاط: {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="8"/>
        <source>System</source>
        <translation>النظام</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="16"/>
        <source>Preferences</source>
        <translation>التفضيلات</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="22"/>
        <source>Interface language; takes effect when Crossings restarts</source>
        <translation>لغة الواجهة؛ تسري عند إعادة تشغيل Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="23"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="26"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="27"/>
        <source>Autosave every</source>
        <translation>الحفظ التلقائي كل</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="28"/>
        <source>Replace files?</source>
        <translation>استبدال الملفات؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="29"/>
        <source>These files exist already and will be replaced:</source>
        <translation>هذه الملفات موجودة وسيتم استبدالها:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="47"/>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="48"/>
        <source>The map has changes that are not saved. Save them first?</source>
        <translation>في الخريطة تغييرات غير محفوظة. هل تريد حفظها أولاً؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="56"/>
        <source>Recover unsaved work</source>
        <translation>استعادة العمل غير المحفوظ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="57"/>
        <source>Crossings did not close normally. Recover the map autosaved at {0}?</source>
        <translation>لم يُغلق Crossings بشكل طبيعي. هل تريد استعادة الخريطة المحفوظة تلقائياً في {0}؟</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="66"/>
        <source>Open data</source>
        <translation>فتح بيانات</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="70"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="74"/>
        <source>Save project</source>
        <translation>حفظ المشروع</translation>
    </message>
</context>
<context>
    <name>RouteActions</name>
    <message>
        <location filename="../../gui/route_actions.py" line="38"/>
        <source>&amp;Draw new route</source>
        <translation>&amp;رسم مسار جديد</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="39"/>
        <source>Draw a route vertex by vertex on the map, snapping to places and route ends</source>
        <translation>رسم مسار رأسًا تلو رأس على الخريطة، مع الالتقاط إلى الأماكن ونهايات المسارات</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="40"/>
        <source>&amp;Edit route vertices</source>
        <translation>ت&amp;عديل رؤوس المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="41"/>
        <source>Move, add and delete the vertices of the selected route</source>
        <translation>نقل رؤوس المسار المحدد وإضافتها وحذفها</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="42"/>
        <source>Route &amp;properties…</source>
        <translation>&amp;خصائص المسار…</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="43"/>
        <source>Id, name, group, parent, mode, origin, destination and colour of the selected route</source>
        <translation>معرّف المسار المحدد واسمه ومجموعته ومساره الأم ونمطه ومنشؤه ووجهته ولونه</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="44"/>
        <source>De&amp;lete route</source>
        <translation>&amp;حذف المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="45"/>
        <source>Delete the selected route (undoable)</source>
        <translation>حذف المسار المحدد (يمكن التراجع)</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="46"/>
        <source>New routes &amp;layer</source>
        <translation>&amp;طبقة مسارات جديدة</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="47"/>
        <source>An empty routes layer to draw routes into; it is saved with the project</source>
        <translation>طبقة مسارات فارغة لرسم المسارات فيها؛ تُحفظ مع المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="59"/>
        <source>&amp;Routes</source>
        <translation>&amp;المسارات</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="119"/>
        <source>Route properties of {0}</source>
        <translation>خصائص المسار {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="121"/>
        <source>Route properties</source>
        <translation>خصائص المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="131"/>
        <source>Delete route {0}</source>
        <translation>حذف المسار {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="135"/>
        <source>Delete route</source>
        <translation>حذف المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="145"/>
        <source>New routes {0}</source>
        <translation>مسارات جديدة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="145"/>
        <source>New routes</source>
        <translation>مسارات جديدة</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="147"/>
        <source>New routes layer</source>
        <translation>طبقة مسارات جديدة</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="155"/>
        <source>Routes</source>
        <translation>المسارات</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="156"/>
        <source>Select a route first: click it in the Figures panel</source>
        <translation>اختر مسارًا أولًا: انقر عليه في لوحة الأرقام</translation>
    </message>
</context>
<context>
    <name>RouteForm</name>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="33"/>
        <source>Route properties</source>
        <translation>خصائص المسار</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="33"/>
        <source>New route</source>
        <translation>مسار جديد</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="38"/>
        <source>e.g. CMR-TOBRUK (as the figures file names it)</source>
        <translation>مثلاً CMR-TOBRUK (كما يسمّيه ملف الأرقام)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="40"/>
        <source>e.g. Central Mediterranean route: Tobruk to Crete</source>
        <translation>مثلاً مسار وسط المتوسط: من طبرق إلى كريت</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="45"/>
        <source>(none: a main route)</source>
        <translation>(لا شيء: مسار رئيسي)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="55"/>
        <source>Own colour (else the group&apos;s)</source>
        <translation>لون خاص (وإلا فلون المجموعة)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="62"/>
        <source>Route id</source>
        <translation>معرّف المسار</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="62"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="63"/>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="63"/>
        <source>Branch of</source>
        <translation>فرع من</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="64"/>
        <source>Mode</source>
        <translation>النمط</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="64"/>
        <source>Origin</source>
        <translation>المنشأ</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="65"/>
        <source>Destination</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="65"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="80"/>
        <source>Route colour</source>
        <translation>لون المسار</translation>
    </message>
</context>
<context>
    <name>RouteTool</name>
    <message>
        <location filename="../../gui/route_tool.py" line="66"/>
        <source>Click to add vertices (snapping to places and route ends); Backspace removes the last; Enter or double-click finishes; Esc cancels</source>
        <translation>انقر لإضافة رؤوس (مع الالتقاط إلى الأماكن ونهايات المسارات)؛ Backspace يحذف آخر رأس؛ Enter أو النقر المزدوج للإنهاء؛ Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="75"/>
        <source>Editing {0}: drag a vertex to move it, double-click a segment to add one, right-click a vertex to delete it; Esc ends</source>
        <translation>تعديل {0}: اسحب رأسًا لنقله، وانقر نقرًا مزدوجًا على مقطع لإضافة رأس، وانقر بالزر الأيمن على رأس لحذفه؛ Esc للإنهاء</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="142"/>
        <location filename="../../gui/route_tool.py" line="219"/>
        <source>Delete vertex of {0}</source>
        <translation>حذف رأس من {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="170"/>
        <source>Move vertex of {0}</source>
        <translation>نقل رأس في {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="198"/>
        <source>Add vertex to {0}</source>
        <translation>إضافة رأس إلى {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="208"/>
        <source>Route drawing cancelled</source>
        <translation>أُلغي رسم المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="228"/>
        <source>A route needs at least two vertices</source>
        <translation>يحتاج المسار إلى رأسين على الأقل</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="240"/>
        <source>Add route {0}</source>
        <translation>إضافة المسار {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="243"/>
        <location filename="../../gui/route_tool.py" line="248"/>
        <source>Add route</source>
        <translation>إضافة مسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="248"/>
        <source>Route {0} was added, but its sea leg {1}. The map keeps sea bands off land; move its vertices to follow the sea.</source>
        <translation>أُضيف المسار {0}، لكن مقطعه البحري {1}. تُبقي الخريطة الأشرطة البحرية بعيدًا عن اليابسة؛ انقل رؤوسه لتتبع البحر.</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="252"/>
        <source>Route {0} added</source>
        <translation>أُضيف المسار {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="266"/>
        <source>Edit route</source>
        <translation>تعديل المسار</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="293"/>
        <source>The sea leg {0}</source>
        <translation>المقطع البحري {0}</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../gui/selection_bar.py" line="14"/>
        <source>Arrivals</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="15"/>
        <source>Dead and missing</source>
        <translation>الموتى والمفقودون</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="16"/>
        <source>Interceptions</source>
        <translation>الاعتراضات</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="17"/>
        <source>Expulsions</source>
        <translation>الطرد</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="18"/>
        <source>Rescues</source>
        <translation>عمليات الإنقاذ</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="33"/>
        <source>Period of the figures (Ctrl+PgUp / Ctrl+PgDown: previous / next)</source>
        <translation>فترة الأرقام (Ctrl+PgUp / Ctrl+PgDown: السابقة / التالية)</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="34"/>
        <source>What the flows measure</source>
        <translation>ما تقيسه التدفقات</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="35"/>
        <source>Whose figures to draw. &apos;One source per scale&apos; never mixes sources that both report a route (their methods differ); &apos;All sources, marked&apos; draws every route&apos;s best figure and marks those of other sources</source>
        <translation>أرقام أي مصدر تُرسم. «مصدر واحد لكل مقياس» لا يخلط أبدًا بين مصدرين يذكران المسار نفسه (منهجياتهما مختلفة)؛ «كل المصادر، مع الإشارة» يرسم أفضل رقم لكل مسار ويشير إلى أرقام المصادر الأخرى</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Map language</source>
        <translation>لغة الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="66"/>
        <source>One source per scale</source>
        <translation>مصدر واحد لكل مقياس</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="67"/>
        <source>All sources, marked</source>
        <translation>كل المصادر، مع الإشارة</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="81"/>
        <source>Change map language</source>
        <translation>تغيير لغة الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="32"/>
        <source>The map&apos;s language: its names, title, legend, sources, dates and numbers</source>
        <translation>لغة الخريطة: أسماؤها وعنوانها ومفتاحها ومصادرها وتواريخها وأرقامها</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Metric</source>
        <translation>المقياس</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="47"/>
        <location filename="../../gui/selection_bar.py" line="87"/>
        <source>Change period</source>
        <translation>تغيير الفترة</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="48"/>
        <source>Change metric</source>
        <translation>تغيير المقياس</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="49"/>
        <source>Change source</source>
        <translation>تغيير المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="101"/>
        <source>Cannot select these figures</source>
        <translation>تعذر اختيار هذه الأرقام</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <location filename="../../gui/series_dialog.py" line="41"/>
        <source>Web map</source>
        <translation>خريطة ويب</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="52"/>
        <location filename="../../gui/series_dialog.py" line="73"/>
        <source>Export series</source>
        <translation>تصدير سلسلة</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="64"/>
        <source>PDF atlas with a contents page (atlas.pdf)</source>
        <translation>أطلس PDF مع صفحة محتويات (atlas.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="66"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="79"/>
        <source>Periods</source>
        <translation>الفترات</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="80"/>
        <source>Metrics</source>
        <translation>المؤشرات</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="81"/>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="82"/>
        <source>Formats</source>
        <translation>الصيغ</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="87"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="89"/>
        <source>The page of the Export dialog; every map of the series uses it</source>
        <translation>صفحة نافذة التصدير؛ تستخدمها كل خرائط السلسلة</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="90"/>
        <source>Page</source>
        <translation>الصفحة</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="127"/>
        <source>Choose at least one period, metric, language and format</source>
        <translation>اختر فترة ومؤشرًا ولغة وصيغة واحدة على الأقل</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="137"/>
        <source>Folder {0} does not exist</source>
        <translation>المجلد {0} غير موجود</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="144"/>
        <source>Starting {0} maps…</source>
        <translation>بدء {0} خرائط…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="157"/>
        <location filename="../../gui/series_dialog.py" line="173"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="159"/>
        <source>Cancelled: {0} files of finished maps were written, no atlas</source>
        <translation>أُلغي: كُتبت {0} ملفات لخرائط مكتملة، دون أطلس</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="161"/>
        <source>Wrote {0} files</source>
        <translation>كُتبت {0} ملفات</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="163"/>
        <source>; atlas: {0}</source>
        <translation>؛ الأطلس: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="165"/>
        <source>Not drawn:</source>
        <translation>لم تُرسم:</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="174"/>
        <source>Export failed: {0}</source>
        <translation>فشل التصدير: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="183"/>
        <source>Cancelling: the maps being drawn finish…</source>
        <translation>جارٍ الإلغاء: تكتمل الخرائط قيد الرسم…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="192"/>
        <source>Folder for the series</source>
        <translation>مجلد السلسلة</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="202"/>
        <source>{0}/{1} {2}, about {3} s left</source>
        <translation>{0}/{1} {2}، يتبقى نحو {3} ث</translation>
    </message>
</context>
<context>
    <name>ThematicLayerForm</name>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="33"/>
        <source>Thematic layer</source>
        <translation>طبقة موضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="33"/>
        <source>New thematic layer</source>
        <translation>طبقة موضوعية جديدة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="36"/>
        <source>Circles (at places, in countries, on routes)</source>
        <translation>دوائر (في الأماكن، وفي الدول، وعلى المسارات)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="37"/>
        <source>Flows (bands along routes, beside the map&apos;s)</source>
        <translation>تدفقات (أشرطة على امتداد المسارات، بجانب تدفقات الخريطة)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="43"/>
        <source>empty: the map&apos;s circle scale; a name: a scale of its own</source>
        <translation>فارغ: مقياس الدوائر في الخريطة؛ اسم: مقياس خاص بالطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="45"/>
        <source>empty: the metric&apos;s name (and source)</source>
        <translation>فارغ: اسم المؤشر (والمصدر)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="46"/>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="112"/>
        <source>Palette colour</source>
        <translation>لون لوحة الألوان</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="49"/>
        <source>Drawn as</source>
        <translation>تُرسم على شكل</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="49"/>
        <source>Metric</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="50"/>
        <source>Period</source>
        <translation>الفترة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="50"/>
        <source>Also print</source>
        <translation>إظهار أيضًا</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="51"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="51"/>
        <source>Circle scale</source>
        <translation>مقياس الدوائر</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="52"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="52"/>
        <source>Legend title</source>
        <translation>عنوان مفتاح الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="87"/>
        <source>the map&apos;s period</source>
        <translation>فترة الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="96"/>
        <source>nothing more</source>
        <translation>لا شيء آخر</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="98"/>
        <source>any (one per route or place)</source>
        <translation>أي مصدر (مصدر واحد لكل مسار أو مكان)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="101"/>
        <source>of which {period}</source>
        <translation>منها {period}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="106"/>
        <source>Circle colour</source>
        <translation>لون الدوائر</translation>
    </message>
</context>
<context>
    <name>ThematicPanel</name>
    <message>
        <location filename="../../gui/thematic_panel.py" line="39"/>
        <source>Circle and flow layers drawn over the map, in legend order; tick to show</source>
        <translation>طبقات الدوائر والتدفقات المرسومة على الخريطة، بترتيب مفتاح الخريطة؛ علّم لإظهارها</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="40"/>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="40"/>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="41"/>
        <source>Up</source>
        <translation>إلى الأعلى</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="41"/>
        <source>Down</source>
        <translation>إلى الأسفل</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="42"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="82"/>
        <source>Thematic layer</source>
        <translation>طبقة موضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="92"/>
        <source>Add thematic layer</source>
        <translation>إضافة طبقة موضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="100"/>
        <source>Edit thematic layer</source>
        <translation>تعديل الطبقة الموضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="105"/>
        <source>Move thematic layer</source>
        <translation>نقل الطبقة الموضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="110"/>
        <source>Remove thematic layer</source>
        <translation>إزالة الطبقة الموضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="117"/>
        <source>Show thematic layer</source>
        <translation>إظهار الطبقة الموضوعية</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="117"/>
        <source>Hide thematic layer</source>
        <translation>إخفاء الطبقة الموضوعية</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../gui/trend_chart.py" line="109"/>
        <source>Select a route in the figures table</source>
        <translation>اختر طريقاً في جدول الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="153"/>
        <source>{route}: {metric} by period</source>
        <translation>{route}: {metric} حسب الفترة</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="110"/>
        <source>No figures for this route</source>
        <translation>لا أرقام لهذا الطريق</translation>
    </message>
</context>
</TS>
