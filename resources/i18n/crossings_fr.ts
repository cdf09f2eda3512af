<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/about.py" line="9"/>
        <source>Country boundaries</source>
        <translation>Frontières des pays</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="10"/>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="11"/>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="12"/>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="14"/>
        <source>Fonts</source>
        <translation>Polices</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="15"/>
        <source>Software</source>
        <translation>Logiciels</translation>
    </message>
    <message>
        <location filename="../../gui/about.py" line="32"/>
        <source>About Crossings</source>
        <translation>À propos de Crossings</translation>
    </message>
</context>
<context>
    <name>CalloutActions</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="205"/>
        <source>&amp;Callouts…</source>
        <translation>&amp;Encadrés…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="207"/>
        <source>Short texts in a box tied to a place, a route or a point (undoable)</source>
        <translation>Courts textes dans un cadre, rattachés à un lieu, une route ou un point (annulable)</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="227"/>
        <source>Add callout</source>
        <translation>Ajouter un encadré</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="232"/>
        <source>Edit callout {0}</source>
        <translation>Modifier l’encadré {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="237"/>
        <source>Remove callout {0}</source>
        <translation>Retirer l’encadré {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="243"/>
        <source>Move callout {0}</source>
        <translation>Déplacer l’encadré {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="243"/>
        <source>Reset callout {0}&apos;s position</source>
        <translation>Réinitialiser la position de l’encadré {0}</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="304"/>
        <source>Move callout</source>
        <translation>Déplacer l’encadré</translation>
    </message>
</context>
<context>
    <name>CalloutForm</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="45"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="45"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="46"/>
        <source>Arabic</source>
        <translation>Arabe</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="56"/>
        <source>Callout</source>
        <translation>Encadré</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="59"/>
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="74"/>
        <source>Tied to</source>
        <translation>Rattaché à</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="75"/>
        <source>Place or route</source>
        <translation>Lieu ou route</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="79"/>
        <source>Longitude, latitude</source>
        <translation>Longitude, latitude</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="82"/>
        <source>A language left empty prints the English text (and the export says so).</source>
        <translation>Une langue laissée vide affiche le texte anglais (et l’export le signale).</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="118"/>
        <source>Choose a place or a route</source>
        <translation>Choisissez un lieu ou une route</translation>
    </message>
</context>
<context>
    <name>CalloutsDialog</name>
    <message>
        <location filename="../../gui/callout_edit.py" line="139"/>
        <source>Callouts</source>
        <translation>Encadrés</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="147"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="148"/>
        <source>Reset &amp;position</source>
        <translation>Réinitialiser la &amp;position</translation>
    </message>
    <message>
        <location filename="../../gui/callout_edit.py" line="166"/>
        <source> (moved)</source>
        <translation> (déplacé)</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../gui/compare_panel.py" line="82"/>
        <source>Hold the width scale across periods</source>
        <translation>Maintenir l’échelle des largeurs d’une période à l’autre</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="83"/>
        <source>Fit the widths to the largest figure of every period of the same kind, so a width means the same figure on every quarter&apos;s (or year&apos;s) map</source>
        <translation>Ajuster les largeurs au plus grand chiffre de toutes les périodes du même type, pour qu’une largeur représente le même chiffre sur la carte de chaque trimestre (ou de chaque année)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="86"/>
        <location filename="../../gui/compare_panel.py" line="248"/>
        <source>No comparison</source>
        <translation>Aucune comparaison</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="86"/>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="87"/>
        <source>Same period a year earlier</source>
        <translation>Même période un an plus tôt</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="89"/>
        <source>Colour flows by change</source>
        <translation>Colorer les flux selon l’évolution</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="91"/>
        <source>proportional, e.g. 1000, 5000, 10000</source>
        <translation>proportionnelles, p. ex. 1000, 5000, 10000</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="92"/>
        <source>Class limits for classed widths; empty for widths in proportion</source>
        <translation>Limites de classes pour des largeurs par classes ; vide pour des largeurs proportionnelles</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="94"/>
        <source>none: fitted to the figures</source>
        <translation>aucune : échelle ajustée aux chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="95"/>
        <source>The figure drawn at the full width on every map; it overrides the held scale</source>
        <translation>Le chiffre dessiné à la largeur maximale sur chaque carte ; il prime sur l’échelle maintenue</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="103"/>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="105"/>
        <source>Class limits</source>
        <translation>Limites de classes</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="106"/>
        <location filename="../../gui/compare_panel.py" line="274"/>
        <source>Fixed scale value</source>
        <translation>Valeur d’échelle fixe</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="108"/>
        <location filename="../../gui/compare_panel.py" line="313"/>
        <location filename="../../gui/compare_panel.py" line="343"/>
        <source>Small multiples</source>
        <translation>Petits multiples</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="111"/>
        <source>Export small multiples…</source>
        <translation>Exporter les petits multiples…</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="112"/>
        <source>The checked periods side by side in one PNG, on one width scale</source>
        <translation>Les périodes cochées côte à côte dans un seul PNG, sur une même échelle des largeurs</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="120"/>
        <source>Export extent</source>
        <translation>Étendue d’export</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="121"/>
        <source>Use this &amp;view as the export extent</source>
        <translation>Utiliser cette &amp;vue comme étendue d’export</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="123"/>
        <source>Exports show what the map window shows now</source>
        <translation>Les exports montrent ce que la fenêtre de carte affiche maintenant</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="124"/>
        <source>&amp;Reset export extent</source>
        <translation>Réi&amp;nitialiser l’étendue d’export</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="148"/>
        <source>Hold the width scale</source>
        <translation>Maintenir l’échelle des largeurs</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="149"/>
        <source>Fit widths to each period</source>
        <translation>Ajuster les largeurs à chaque période</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="152"/>
        <source>Colour by change</source>
        <translation>Colorer selon l’évolution</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="152"/>
        <source>Colour by route</source>
        <translation>Colorer par route</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="179"/>
        <source>Exports fit the flows drawn, clear of the title and legend</source>
        <translation>Les exports s’ajustent aux flux dessinés, à l’écart du titre et de la légende</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="180"/>
        <source>Exports show the regional default: {0}</source>
        <translation>Les exports montrent l’étendue régionale par défaut : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="181"/>
        <source>Exports show {0}</source>
        <translation>Les exports montrent {0}</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="247"/>
        <source>Compare with the previous period</source>
        <translation>Comparer avec la période précédente</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="248"/>
        <source>Compare with a year earlier</source>
        <translation>Comparer avec un an plus tôt</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="256"/>
        <source>Class limits: {0!r} is not a number; write limits such as 1000, 5000, 10000</source>
        <translation>Limites de classes : {0!r} n’est pas un nombre ; écrivez des limites comme 1000, 5000, 10000</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="260"/>
        <source>Classed widths</source>
        <translation>Largeurs par classes</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="260"/>
        <source>Proportional widths</source>
        <translation>Largeurs proportionnelles</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="270"/>
        <source>Fixed scale value: {0!r} is not a number; leave it empty to fit the widths</source>
        <translation>Valeur d’échelle fixe : {0!r} n’est pas un nombre ; laissez-la vide pour ajuster les largeurs</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="274"/>
        <source>Scale fitted to the figures</source>
        <translation>Échelle ajustée aux chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="289"/>
        <source>Use this view as the export extent</source>
        <translation>Utiliser cette vue comme étendue d’export</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="296"/>
        <source>Reset export extent</source>
        <translation>Réinitialiser l’étendue d’export</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="300"/>
        <source>Export small multiples</source>
        <translation>Exporter les petits multiples</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="301"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/compare_panel.py" line="313"/>
        <source>Check at least two periods to compare</source>
        <translation>Cochez au moins deux périodes à comparer</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="48"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="49"/>
        <source>PDF (vector)</source>
        <translation>PDF (vectoriel)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="50"/>
        <source>SVG (vector, named layers)</source>
        <translation>SVG (vectoriel, calques nommés)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="51"/>
        <source>GeoJSON, one file per layer</source>
        <translation>GeoJSON, un fichier par couche</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="52"/>
        <source>GeoPackage, all layers</source>
        <translation>GeoPackage, toutes les couches</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="53"/>
        <source>Web map (one HTML file that works offline)</source>
        <translation>Carte web (un fichier HTML qui fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="136"/>
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="150"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="151"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="154"/>
        <source>Transparent background</source>
        <translation>Fond transparent</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="157"/>
        <source>Frame the map&apos;s current view</source>
        <translation>Cadrer sur la vue actuelle de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="158"/>
        <source>Export exactly what the map window shows (widened to the page&apos;s shape) instead of fitting the frame to the flows</source>
        <translation>Exporter exactement ce que montre la fenêtre de la carte (élargi aux proportions de la page) au lieu d’ajuster le cadre aux flux</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="162"/>
        <source>Automatic: where the map needs one</source>
        <translation>Automatiques : là où la carte en a besoin</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="163"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="167"/>
        <source>Small maps of the areas the page&apos;s map cannot show legibly (PNG, PDF and SVG; the web map zooms instead)</source>
        <translation>Petites cartes des zones que la carte de la page ne peut pas montrer lisiblement (PNG, PDF et SVG ; la carte web zoome à la place)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="170"/>
        <source>Automatic: beside the map when it is large</source>
        <translation>Automatique : à côté de la carte si elle est grande</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="171"/>
        <source>Over the map</source>
        <translation>Sur la carte</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="172"/>
        <source>Beside the map</source>
        <translation>À côté de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="174"/>
        <source>Over the map, a large legend makes the map smaller: its frame keeps every flow clear of it. Beside it, the legend has a column of its own</source>
        <translation>Sur la carte, une grande légende rend la carte plus petite : son cadre tient chaque flux à l’écart de la légende. À côté de la carte, la légende a sa propre colonne</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="177"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="188"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="189"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="190"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="193"/>
        <source>Inset maps</source>
        <translation>Cartons</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="194"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="198"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="199"/>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="200"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="204"/>
        <source>Preview of the page as it will be exported</source>
        <translation>Aperçu de la page telle qu’elle sera exportée</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="209"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="267"/>
        <source>Export settings</source>
        <translation>Paramètres d’export</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="297"/>
        <source>Choose at least one format</source>
        <translation>Choisissez au moins un format</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="301"/>
        <source>Not exported: the existing files were kept</source>
        <translation>Rien n’a été exporté : les fichiers existants sont conservés</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="306"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="307"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="318"/>
        <source>Writing {0}…</source>
        <translation>Écriture de {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="324"/>
        <source>Wrote {0} files to {1}</source>
        <translation>{0} fichiers écrits dans {1}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="329"/>
        <source>Export failed: {0}</source>
        <translation>Échec de l’export : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="333"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="342"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="351"/>
        <source>Export to folder</source>
        <translation>Exporter vers le dossier</translation>
    </message>
</context>
<context>
    <name>FiguresEditor</name>
    <message>
        <location filename="../../gui/figures_editor.py" line="61"/>
        <location filename="../../gui/figures_editor.py" line="255"/>
        <source>Edit figures</source>
        <translation>Modifier les chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="64"/>
        <source>Filter by route, period, metric or source</source>
        <translation>Filtrer par route, période, indicateur ou source</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="68"/>
        <source>Row in the figures file (row 1 is the header)</source>
        <translation>Ligne dans le fichier des chiffres (la ligne 1 est l’en-tête)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="71"/>
        <location filename="../../gui/figures_editor.py" line="79"/>
        <source>Paste</source>
        <translation>Coller</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="76"/>
        <source>Add row</source>
        <translation>Ajouter une ligne</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="77"/>
        <source>A new figure for the period, metric and source shown on the map</source>
        <translation>Un nouveau chiffre pour la période, l’indicateur et la source affichés sur la carte</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="78"/>
        <source>Delete rows</source>
        <translation>Supprimer les lignes</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="80"/>
        <source>Spreadsheet cells: with a header row they are added as new rows; without, they overwrite the cells from the selected one on (Ctrl+V)</source>
        <translation>Cellules de tableur : avec une ligne d’en-tête, elles sont ajoutées comme nouvelles lignes ; sans, elles remplacent les cellules à partir de celle sélectionnée (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="82"/>
        <source>New period…</source>
        <translation>Nouvelle période…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="83"/>
        <source>Copy the current period&apos;s routes into a new period, with empty figures to fill in</source>
        <translation>Copier les routes de la période actuelle dans une nouvelle période, avec des chiffres vides à remplir</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="203"/>
        <source>New period</source>
        <translation>Nouvelle période</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="204"/>
        <source>Period to add (e.g. 2025Q1), with the routes of {0}:</source>
        <translation>Période à ajouter (p. ex. 2025Q1), avec les routes de {0} :</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="215"/>
        <source>{0} has figures already: they are shown</source>
        <translation>{0} a déjà des chiffres : ils sont affichés</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="223"/>
        <source>{0} added: type its figures</source>
        <translation>{0} ajoutée : saisissez ses chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="244"/>
        <source>No figure changed</source>
        <translation>Aucun chiffre n’a changé</translation>
    </message>
    <message>
        <location filename="../../gui/figures_editor.py" line="260"/>
        <source>Figures applied ({0} rows)</source>
        <translation>Chiffres appliqués ({0} lignes)</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <location filename="../../gui/figures_table.py" line="41"/>
        <source>drawn</source>
        <translation>dessiné</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="42"/>
        <source>total label</source>
        <translation>étiquette de total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="43"/>
        <source>outline, part of another</source>
        <translation>contour, inclus dans un autre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="44"/>
        <source>in its parent&apos;s figure</source>
        <translation>dans le chiffre de la route mère</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="45"/>
        <source>in the total&apos;s remainder</source>
        <translation>dans le reste du total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="46"/>
        <source>by its branches</source>
        <translation>par ses branches</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="47"/>
        <source>no figure</source>
        <translation>pas de chiffre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="48"/>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="140"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="140"/>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="141"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="141"/>
        <source>Shown as</source>
        <translation>Affiché comme</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="142"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="143"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="143"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="144"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="144"/>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="145"/>
        <source>outlier</source>
        <translation>valeur aberrante</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="145"/>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="146"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="174"/>
        <source>Route colour…</source>
        <translation>Couleur de la route…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="175"/>
        <source>Colour of the selected route&apos;s group (e.g. all Central Mediterranean branches)</source>
        <translation>Couleur du groupe de la route choisie (p. ex. toutes les branches de la Méditerranée centrale)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="177"/>
        <source>Edit all figures…</source>
        <translation>Modifier tous les chiffres…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="178"/>
        <source>Every figure of every period: type, paste or add a period</source>
        <translation>Tous les chiffres de toutes les périodes : saisir, coller ou ajouter une période</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="234"/>
        <source>{0} routes, {1} with problems</source>
        <translation>{0} routes, {1} avec des problèmes</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="258"/>
        <source>Figure of {0}</source>
        <translation>Chiffre de {0}</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="282"/>
        <source>Colour of {0}</source>
        <translation>Couleur de {0}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/file_actions.py" line="74"/>
        <source>Reading {0}…</source>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="80"/>
        <source>Choose a sheet</source>
        <translation>Choisir une feuille</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="81"/>
        <source>{0} holds several sheets. Which one holds the figures?</source>
        <translation>{0} contient plusieurs feuilles. Laquelle contient les chiffres ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="83"/>
        <source>Choose a layer</source>
        <translation>Choisir une couche</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="84"/>
        <source>{0} holds several layers. Which one should be opened?</source>
        <translation>{0} contient plusieurs couches. Laquelle ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="95"/>
        <source>Add to the loaded figures</source>
        <translation>Ajouter aux chiffres chargés</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="95"/>
        <source>Replace the loaded figures</source>
        <translation>Remplacer les chiffres chargés</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="97"/>
        <location filename="../../gui/file_actions.py" line="110"/>
        <source>Open figures {0}</source>
        <translation>Ouvrir les chiffres {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="98"/>
        <source>Figures are loaded already. Add those of {0} to them, or replace them?</source>
        <translation>Des chiffres sont déjà chargés. Leur ajouter ceux de {0} ou les remplacer ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="101"/>
        <location filename="../../gui/file_actions.py" line="152"/>
        <source>Nothing changed: {0} was not opened</source>
        <translation>Rien n’a changé : {0} n’a pas été ouvert</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="120"/>
        <source>Cannot add {0}</source>
        <translation>Impossible d’ajouter {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="123"/>
        <source>Nothing to add</source>
        <translation>Rien à ajouter</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="124"/>
        <source>Every figure of {0} is loaded already.</source>
        <translation>Tous les chiffres de {0} sont déjà chargés.</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="131"/>
        <source>Add figures {0}</source>
        <translation>Ajouter les chiffres {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="136"/>
        <source>{0} added, with conflicts</source>
        <translation>{0} ajouté, avec des conflits</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="137"/>
        <source>{0} figures differ from the loaded ones; both are kept, side by side:</source>
        <translation>{0} chiffres diffèrent de ceux déjà chargés ; les deux versions sont conservées, côte à côte :</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="139"/>
        <source>
… and {0} more</source>
        <translation>
… et {0} autres</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="146"/>
        <source>Replace the routes layer {0}</source>
        <translation>Remplacer la couche de routes {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="148"/>
        <source>Open routes {0}</source>
        <translation>Ouvrir les routes {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="149"/>
        <source>{0} has routes with the ids of the routes layer {1}. Route ids are unique across routes layers: replace that layer with it?</source>
        <translation>{0} contient des routes portant les identifiants de la couche de routes {1}. Un identifiant de route est unique dans l’ensemble des couches de routes : remplacer cette couche par celle-ci ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="155"/>
        <source>Replace layer {0}</source>
        <translation>Remplacer la couche {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="159"/>
        <source>Add layer {0}</source>
        <translation>Ajouter la couche {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="166"/>
        <source>{0} opened, with warnings</source>
        <translation>{0} ouvert, avec des avertissements</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="172"/>
        <source>Cannot use this file</source>
        <translation>Impossible d’utiliser ce fichier</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="187"/>
        <source>{0}: could not be read ({1})</source>
        <translation>{0} : lecture impossible ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="188"/>
        <source>Cannot open {0}</source>
        <translation>Impossible d’ouvrir {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="89"/>
        <location filename="../../gui/file_actions.py" line="189"/>
        <source>Nothing changed: {0} could not be opened</source>
        <translation>Rien n’a changé : {0} n’a pas pu être ouvert</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="218"/>
        <source>Opened {0}</source>
        <translation>{0} ouvert</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="233"/>
        <source>Cannot save the project</source>
        <translation>Impossible d’enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="239"/>
        <source>Saved {0}; copied {1} into {2}</source>
        <translation>{0} enregistré ; {1} copié dans {2}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="242"/>
        <source>Saved {0}</source>
        <translation>{0} enregistré</translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <location filename="../../gui/layer_list_model.py" line="16"/>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="16"/>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="17"/>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="48"/>
        <source>no file</source>
        <translation>aucun fichier</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="49"/>
        <source>{kind} layer, {n} features
{where}</source>
        <translation>Couche {kind}, {n} entités
{where}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="65"/>
        <source>Show {0}</source>
        <translation>Afficher {0}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="65"/>
        <source>Hide {0}</source>
        <translation>Masquer {0}</translation>
    </message>
    <message>
        <location filename="../../gui/layer_list_model.py" line="81"/>
        <source>Move {0}</source>
        <translation>Déplacer {0}</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../gui/layer_panel.py" line="48"/>
        <source>Tick to show a layer; drag to change the drawing order (top is drawn last)</source>
        <translation>Cochez pour afficher une couche ; glissez pour changer l’ordre (la couche du haut est dessinée en dernier)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="50"/>
        <source>Opacity of the selected layer</source>
        <translation>Opacité de la couche choisie</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="51"/>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="54"/>
        <location filename="../../gui/layer_panel.py" line="72"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="55"/>
        <source>Show the layer&apos;s labels (place names, country names, flow values)</source>
        <translation>Afficher les étiquettes de la couche (lieux, pays, valeurs des flux)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="56"/>
        <source>Zoom to layer</source>
        <translation>Zoomer sur la couche</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="58"/>
        <location filename="../../gui/layer_panel.py" line="71"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="59"/>
        <location filename="../../gui/layer_panel.py" line="125"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="103"/>
        <source>Width of the largest flow on paper</source>
        <translation>Largeur du plus grand flux sur le papier</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="104"/>
        <source>Width of the outlines on paper</source>
        <translation>Largeur des contours sur le papier</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="106"/>
        <location filename="../../gui/layer_panel.py" line="135"/>
        <source>Land colour</source>
        <translation>Couleur des terres</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="107"/>
        <source>Colour routes by group in the Figures panel</source>
        <translation>Colorez les routes par groupe dans le panneau Chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="123"/>
        <source>Flow width</source>
        <translation>Largeur des flux</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="62"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="63"/>
        <source>Thematic layers</source>
        <translation>Couches thématiques</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="64"/>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="65"/>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="66"/>
        <source>Compare</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>&amp;Open data…</source>
        <translation>&amp;Ouvrir des données…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119"/>
        <source>Open boundaries, routes, points (any OGR file or CSV with lat/lon) or figures (CSV/XLSX)</source>
        <translation>Ouvrir frontières, routes, points (tout fichier OGR ou CSV avec lat/lon) ou chiffres (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120"/>
        <source>Open &amp;project…</source>
        <translation>Ouvrir un &amp;projet…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>Export the map as PNG and the layers as GeoJSON or GeoPackage</source>
        <translation>Exporter la carte en PNG et les couches en GeoJSON ou GeoPackage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>Export &amp;series…</source>
        <translation>Exporter une &amp;série…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>Every period, metric and language chosen, on one width scale per metric, with a PDF atlas</source>
        <translation>Chaque période, indicateur et langue choisis, sur une échelle de largeur par indicateur, avec un atlas PDF</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128"/>
        <location filename="../../gui/main_window.py" line="299"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="129"/>
        <location filename="../../gui/main_window.py" line="300"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="130"/>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="131"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="135"/>
        <source>&amp;Full extent</source>
        <translation>Étendue &amp;complète</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="136"/>
        <source>Zoom to &amp;layer</source>
        <translation>Zoomer sur la &amp;couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="137"/>
        <source>&amp;Previous period</source>
        <translation>Période &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="138"/>
        <source>&amp;Next period</source>
        <translation>Période &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>&amp;About Crossings</source>
        <translation>À &amp;propos de Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="140"/>
        <source>Map &amp;title and notes…</source>
        <translation>&amp;Titre et notes de la carte…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="141"/>
        <source>The map&apos;s title, subtitle and notes</source>
        <translation>Le titre, le sous-titre et les notes de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="142"/>
        <source>Edit &amp;figures…</source>
        <translation>Modifier les &amp;chiffres…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143"/>
        <source>Type, paste or add a period of figures (undoable)</source>
        <translation>Saisir, coller ou ajouter une période de chiffres (annulable)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>&amp;Remove layer</source>
        <translation>&amp;Retirer la couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>Remove the layer selected in the layer panel (undoable)</source>
        <translation>Retirer la couche choisie dans le panneau des couches (annulable)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>&amp;Web map preview</source>
        <translation>Aperçu de la carte &amp;web</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="147"/>
        <source>The interactive web map of the current selection, as exported (works offline)</source>
        <translation>La carte web interactive de la sélection actuelle, telle qu’exportée (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="151"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="158"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="165"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="174"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="182"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="183"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>Longitude and latitude under the cursor (WGS84)</source>
        <translation>Longitude et latitude sous le curseur (WGS84)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>drawn in {0:.0f} ms</source>
        <translation>dessiné en {0:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="214"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="237"/>
        <source>Edit title and notes</source>
        <translation>Modifier le titre et les notes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="251"/>
        <source>Remove layer</source>
        <translation>Retirer la couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="252"/>
        <source>The routes carry the figures&apos; flows; open other routes instead of removing them</source>
        <translation>Les routes portent les flux des chiffres ; ouvrez d’autres routes plutôt que de les retirer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="254"/>
        <source>Remove layer {0}</source>
        <translation>Retirer la couche {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="268"/>
        <location filename="../../gui/main_window.py" line="288"/>
        <source>Web map</source>
        <translation>Carte web</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Building the web map…</source>
        <translation>Création de la carte web…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="299"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Annuler : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="300"/>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rétablir : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="307"/>
        <source>Untitled map</source>
        <translation>Carte sans titre</translation>
    </message>
</context>
<context>
    <name>MapTextDialog</name>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="16"/>
        <source>Map title and notes</source>
        <translation>Titre et notes de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="20"/>
        <source>Leave empty to describe the metric, period and dates automatically</source>
        <translation>Laisser vide pour décrire automatiquement l’indicateur, la période et les dates</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="22"/>
        <source>Kept in the project and printed in the web map</source>
        <translation>Conservées dans le projet et affichées dans la carte web</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="24"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="25"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/map_text.py" line="26"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PointStyleBox</name>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="38"/>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="39"/>
        <source>Colour the points by this column: a legend entry per value</source>
        <translation>Colorer les points selon cette colonne : une entrée de légende par valeur</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="40"/>
        <source>Size the points by this column of numbers: circle area to scale</source>
        <translation>Dimensionner les points selon cette colonne de nombres : surface des cercles proportionnelle</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="41"/>
        <source>Name each point with this column&apos;s text</source>
        <translation>Nommer chaque point avec le texte de cette colonne</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="46"/>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="63"/>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <location filename="../../gui/point_style_panel.py" line="90"/>
        <source>Point style: {0}</source>
        <translation>Style des points : {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="8"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="16"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="22"/>
        <source>Interface language; takes effect when Crossings restarts</source>
        <translation>Langue de l’interface ; prend effet au redémarrage de Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="23"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="26"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="27"/>
        <source>Autosave every</source>
        <translation>Enregistrement automatique toutes les</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="28"/>
        <source>Replace files?</source>
        <translation>Remplacer les fichiers ?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="29"/>
        <source>These files exist already and will be replaced:</source>
        <translation>Ces fichiers existent déjà et seront remplacés :</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="47"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="48"/>
        <source>The map has changes that are not saved. Save them first?</source>
        <translation>La carte a des modifications non enregistrées. Les enregistrer d’abord ?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="56"/>
        <source>Recover unsaved work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="57"/>
        <source>Crossings did not close normally. Recover the map autosaved at {0}?</source>
        <translation>Crossings ne s’est pas fermé normalement. Récupérer la carte enregistrée automatiquement à {0} ?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="66"/>
        <source>Open data</source>
        <translation>Ouvrir des données</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="70"/>
        <source>Open project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/prompts.py" line="74"/>
        <source>Save project</source>
        <translation>Enregistrer le projet</translation>
    </message>
</context>
<context>
    <name>RouteActions</name>
    <message>
        <location filename="../../gui/route_actions.py" line="38"/>
        <source>&amp;Draw new route</source>
        <translation>&amp;Dessiner une nouvelle route</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="39"/>
        <source>Draw a route vertex by vertex on the map, snapping to places and route ends</source>
        <translation>Dessiner une route sommet par sommet sur la carte, avec accrochage aux lieux et aux extrémités des routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="40"/>
        <source>&amp;Edit route vertices</source>
        <translation>&amp;Modifier les sommets de la route</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="41"/>
        <source>Move, add and delete the vertices of the selected route</source>
        <translation>Déplacer, ajouter et supprimer les sommets de la route choisie</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="42"/>
        <source>Route &amp;properties…</source>
        <translation>&amp;Propriétés de la route…</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="43"/>
        <source>Id, name, group, parent, mode, origin, destination and colour of the selected route</source>
        <translation>Identifiant, nom, groupe, route mère, mode, origine, destination et couleur de la route choisie</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="44"/>
        <source>De&amp;lete route</source>
        <translation>&amp;Supprimer la route</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="45"/>
        <source>Delete the selected route (undoable)</source>
        <translation>Supprimer la route choisie (annulable)</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="46"/>
        <source>New routes &amp;layer</source>
        <translation>Nouvelle &amp;couche de routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="47"/>
        <source>An empty routes layer to draw routes into; it is saved with the project</source>
        <translation>Une couche de routes vide pour y dessiner des routes ; elle est enregistrée avec le projet</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="59"/>
        <source>&amp;Routes</source>
        <translation>&amp;Routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="119"/>
        <source>Route properties of {0}</source>
        <translation>Propriétés de la route {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="121"/>
        <source>Route properties</source>
        <translation>Propriétés de la route</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="131"/>
        <source>Delete route {0}</source>
        <translation>Supprimer la route {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="135"/>
        <source>Delete route</source>
        <translation>Supprimer la route</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="145"/>
        <source>New routes {0}</source>
        <translation>Nouvelles routes {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="145"/>
        <source>New routes</source>
        <translation>Nouvelles routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="147"/>
        <source>New routes layer</source>
        <translation>Nouvelle couche de routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="155"/>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <location filename="../../gui/route_actions.py" line="156"/>
        <source>Select a route first: click it in the Figures panel</source>
        <translation>Choisissez d’abord une route : cliquez dessus dans le panneau Chiffres</translation>
    </message>
</context>
<context>
    <name>RouteForm</name>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="33"/>
        <source>Route properties</source>
        <translation>Propriétés de la route</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="33"/>
        <source>New route</source>
        <translation>Nouvelle route</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="38"/>
        <source>e.g. CMR-TOBRUK (as the figures file names it)</source>
        <translation>p. ex. CMR-TOBRUK (tel que le nomme le fichier des chiffres)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="40"/>
        <source>e.g. Central Mediterranean route: Tobruk to Crete</source>
        <translation>p. ex. Route de la Méditerranée centrale : de Tobrouk à la Crète</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="45"/>
        <source>(none: a main route)</source>
        <translation>(aucune : route principale)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="55"/>
        <source>Own colour (else the group&apos;s)</source>
        <translation>Couleur propre (sinon celle du groupe)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="62"/>
        <source>Route id</source>
        <translation>Identifiant de route</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="62"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="63"/>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="63"/>
        <source>Branch of</source>
        <translation>Branche de</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="64"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="64"/>
        <source>Origin</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="65"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="65"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/route_form.py" line="80"/>
        <source>Route colour</source>
        <translation>Couleur de la route</translation>
    </message>
</context>
<context>
    <name>RouteTool</name>
    <message>
        <location filename="../../gui/route_tool.py" line="66"/>
        <source>Click to add vertices (snapping to places and route ends); Backspace removes the last; Enter or double-click finishes; Esc cancels</source>
        <translation>Cliquez pour ajouter des sommets (avec accrochage aux lieux et aux extrémités des routes) ; Retour arrière supprime le dernier ; Entrée ou un double-clic termine ; Échap annule</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="75"/>
        <source>Editing {0}: drag a vertex to move it, double-click a segment to add one, right-click a vertex to delete it; Esc ends</source>
        <translation>Modification de {0} : glissez un sommet pour le déplacer, double-cliquez sur un segment pour en ajouter un, cliquez droit sur un sommet pour le supprimer ; Échap termine</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="142"/>
        <location filename="../../gui/route_tool.py" line="219"/>
        <source>Delete vertex of {0}</source>
        <translation>Supprimer un sommet de {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="170"/>
        <source>Move vertex of {0}</source>
        <translation>Déplacer un sommet de {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="198"/>
        <source>Add vertex to {0}</source>
        <translation>Ajouter un sommet à {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="208"/>
        <source>Route drawing cancelled</source>
        <translation>Dessin de la route annulé</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="228"/>
        <source>A route needs at least two vertices</source>
        <translation>Une route doit compter au moins deux sommets</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="240"/>
        <source>Add route {0}</source>
        <translation>Ajouter la route {0}</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="243"/>
        <location filename="../../gui/route_tool.py" line="248"/>
        <source>Add route</source>
        <translation>Ajouter une route</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="248"/>
        <source>Route {0} was added, but its sea leg {1}. The map keeps sea bands off land; move its vertices to follow the sea.</source>
        <translation>La route {0} a été ajoutée, mais son tronçon maritime {1}. La carte tient les bandes maritimes à l’écart des terres ; déplacez ses sommets pour suivre la mer.</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="252"/>
        <source>Route {0} added</source>
        <translation>Route {0} ajoutée</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="266"/>
        <source>Edit route</source>
        <translation>Modifier la route</translation>
    </message>
    <message>
        <location filename="../../gui/route_tool.py" line="293"/>
        <source>The sea leg {0}</source>
        <translation>Le tronçon maritime {0}</translation>
    </message>
</context>
<context>
    <name>SelectionBar</name>
    <message>
        <location filename="../../gui/selection_bar.py" line="14"/>
        <source>Arrivals</source>
        <translation>Arrivées</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="15"/>
        <source>Dead and missing</source>
        <translation>Morts et disparus</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="16"/>
        <source>Interceptions</source>
        <translation>Interceptions</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="17"/>
        <source>Expulsions</source>
        <translation>Expulsions</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="18"/>
        <source>Rescues</source>
        <translation>Sauvetages</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="33"/>
        <source>Period of the figures (Ctrl+PgUp / Ctrl+PgDown: previous / next)</source>
        <translation>Période des chiffres (Ctrl+PgPréc / Ctrl+PgSuiv : précédente / suivante)</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="34"/>
        <source>What the flows measure</source>
        <translation>Ce que mesurent les flux</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="35"/>
        <source>Whose figures to draw. &apos;One source per scale&apos; never mixes sources that both report a route (their methods differ); &apos;All sources, marked&apos; draws every route&apos;s best figure and marks those of other sources</source>
        <translation>Les chiffres de quelle source dessiner. « Une source par échelle » ne mélange jamais des sources qui rapportent toutes deux une route (leurs méthodes diffèrent) ; « Toutes les sources, signalées » dessine le meilleur chiffre de chaque route et signale ceux des autres sources</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Map language</source>
        <translation>Langue de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="66"/>
        <source>One source per scale</source>
        <translation>Une source par échelle</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="67"/>
        <source>All sources, marked</source>
        <translation>Toutes les sources, signalées</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="81"/>
        <source>Change map language</source>
        <translation>Changer la langue de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="32"/>
        <source>The map&apos;s language: its names, title, legend, sources, dates and numbers</source>
        <translation>La langue de la carte : ses noms, son titre, sa légende, ses sources, ses dates et ses nombres</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Metric</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="47"/>
        <location filename="../../gui/selection_bar.py" line="87"/>
        <source>Change period</source>
        <translation>Changer de période</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="48"/>
        <source>Change metric</source>
        <translation>Changer de mesure</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="49"/>
        <source>Change source</source>
        <translation>Changer de source</translation>
    </message>
    <message>
        <location filename="../../gui/selection_bar.py" line="101"/>
        <source>Cannot select these figures</source>
        <translation>Impossible de choisir ces chiffres</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <location filename="../../gui/series_dialog.py" line="41"/>
        <source>Web map</source>
        <translation>Carte web</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="52"/>
        <location filename="../../gui/series_dialog.py" line="73"/>
        <source>Export series</source>
        <translation>Exporter une série</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="64"/>
        <source>PDF atlas with a contents page (atlas.pdf)</source>
        <translation>Atlas PDF avec une table des matières (atlas.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="66"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="79"/>
        <source>Periods</source>
        <translation>Périodes</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="80"/>
        <source>Metrics</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="81"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="82"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="87"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="89"/>
        <source>The page of the Export dialog; every map of the series uses it</source>
        <translation>La page de la fenêtre Exporter ; chaque carte de la série l’utilise</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="90"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="127"/>
        <source>Choose at least one period, metric, language and format</source>
        <translation>Choisissez au moins une période, un indicateur, une langue et un format</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="137"/>
        <source>Folder {0} does not exist</source>
        <translation>Le dossier {0} n’existe pas</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="143"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="144"/>
        <source>Starting {0} maps…</source>
        <translation>Lancement de {0} cartes…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="157"/>
        <location filename="../../gui/series_dialog.py" line="173"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="159"/>
        <source>Cancelled: {0} files of finished maps were written, no atlas</source>
        <translation>Annulé : {0} fichiers de cartes terminées écrits, pas d’atlas</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="161"/>
        <source>Wrote {0} files</source>
        <translation>{0} fichiers écrits</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="163"/>
        <source>; atlas: {0}</source>
        <translation> ; atlas : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="165"/>
        <source>Not drawn:</source>
        <translation>Non dessinées :</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="174"/>
        <source>Export failed: {0}</source>
        <translation>L’export a échoué : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="183"/>
        <source>Cancelling: the maps being drawn finish…</source>
        <translation>Annulation : les cartes en cours se terminent…</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="192"/>
        <source>Folder for the series</source>
        <translation>Dossier de la série</translation>
    </message>
    <message>
        <location filename="../../gui/series_dialog.py" line="202"/>
        <source>{0}/{1} {2}, about {3} s left</source>
        <translation>{0}/{1} {2}, encore environ {3} s</translation>
    </message>
</context>
<context>
    <name>ThematicLayerForm</name>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="33"/>
        <source>Thematic layer</source>
        <translation>Couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="33"/>
        <source>New thematic layer</source>
        <translation>Nouvelle couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="36"/>
        <source>Circles (at places, in countries, on routes)</source>
        <translation>Cercles (sur des lieux, dans des pays, sur des routes)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="37"/>
        <source>Flows (bands along routes, beside the map&apos;s)</source>
        <translation>Flux (bandes le long des routes, à côté de ceux de la carte)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="43"/>
        <source>empty: the map&apos;s circle scale; a name: a scale of its own</source>
        <translation>vide : l’échelle des cercles de la carte ; un nom : une échelle propre à la couche</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="45"/>
        <source>empty: the metric&apos;s name (and source)</source>
        <translation>vide : le nom de l’indicateur (et la source)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="46"/>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="112"/>
        <source>Palette colour</source>
        <translation>Couleur de la palette</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="49"/>
        <source>Drawn as</source>
        <translation>Dessinée en</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="49"/>
        <source>Metric</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="50"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="50"/>
        <source>Also print</source>
        <translation>Afficher aussi</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="51"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="51"/>
        <source>Circle scale</source>
        <translation>Échelle des cercles</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="52"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="52"/>
        <source>Legend title</source>
        <translation>Titre de la légende</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="87"/>
        <source>the map&apos;s period</source>
        <translation>la période de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="96"/>
        <source>nothing more</source>
        <translation>rien de plus</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="98"/>
        <source>any (one per route or place)</source>
        <translation>n’importe laquelle (une par route ou par lieu)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="101"/>
        <source>of which {period}</source>
        <translation>dont {period}</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/thematic_layer_form.py" line="106"/>
        <source>Circle colour</source>
        <translation>Couleur des cercles</translation>
    </message>
</context>
<context>
    <name>ThematicPanel</name>
    <message>
        <location filename="../../gui/thematic_panel.py" line="39"/>
        <source>Circle and flow layers drawn over the map, in legend order; tick to show</source>
        <translation>Couches de cercles et de flux dessinées sur la carte, dans l’ordre de la légende ; cochez pour afficher</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="40"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="40"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="41"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="41"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="42"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="82"/>
        <source>Thematic layer</source>
        <translation>Couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="92"/>
        <source>Add thematic layer</source>
        <translation>Ajouter une couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="100"/>
        <source>Edit thematic layer</source>
        <translation>Modifier la couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="105"/>
        <source>Move thematic layer</source>
        <translation>Déplacer la couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="110"/>
        <source>Remove thematic layer</source>
        <translation>Retirer la couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="117"/>
        <source>Show thematic layer</source>
        <translation>Afficher la couche thématique</translation>
    </message>
    <message>
        <location filename="../../gui/thematic_panel.py" line="117"/>
        <source>Hide thematic layer</source>
        <translation>Masquer la couche thématique</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../gui/trend_chart.py" line="109"/>
        <source>Select a route in the figures table</source>
        <translation>Choisissez une route dans le tableau des chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="153"/>
        <source>{route}: {metric} by period</source>
        <translation>{route} : {metric} par période</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="110"/>
        <source>No figures for this route</source>
        <translation>Aucun chiffre pour cette route</translation>
    </message>
</context>
</TS>
