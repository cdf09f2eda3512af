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
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="44"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="45"/>
        <source>PDF (vector)</source>
        <translation>PDF (vectoriel)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="46"/>
        <source>SVG (vector, named layers)</source>
        <translation>SVG (vectoriel, calques nommés)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="47"/>
        <source>GeoJSON, one file per layer</source>
        <translation>GeoJSON, un fichier par couche</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="48"/>
        <source>GeoPackage, all layers</source>
        <translation>GeoPackage, toutes les couches</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="49"/>
        <source>Web map (one HTML file that works offline)</source>
        <translation>Carte web (un fichier HTML qui fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="102"/>
        <source>Export map</source>
        <translation>Exporter la carte</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="113"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="114"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="117"/>
        <source>Transparent background</source>
        <translation>Fond transparent</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="119"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="130"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="131"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="132"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="137"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="138"/>
        <source>File name</source>
        <translation>Nom du fichier</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="139"/>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="143"/>
        <source>Preview of the page as it will be exported</source>
        <translation>Aperçu de la page telle qu’elle sera exportée</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="148"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="194"/>
        <source>Choose at least one format</source>
        <translation>Choisissez au moins un format</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="198"/>
        <source>Not exported: the existing files were kept</source>
        <translation>Rien n’a été exporté : les fichiers existants sont conservés</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="202"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="203"/>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="214"/>
        <source>Writing {0}…</source>
        <translation>Écriture de {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="220"/>
        <source>Wrote {0} files to {1}</source>
        <translation>{0} fichiers écrits dans {1}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="225"/>
        <source>Export failed: {0}</source>
        <translation>Échec de l’export : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="229"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="238"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="247"/>
        <source>Export to folder</source>
        <translation>Exporter vers le dossier</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <location filename="../../gui/figures_table.py" line="38"/>
        <source>drawn</source>
        <translation>dessiné</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="39"/>
        <source>total label</source>
        <translation>étiquette de total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="40"/>
        <source>outline, part of another</source>
        <translation>contour, inclus dans un autre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="41"/>
        <source>in its parent&apos;s figure</source>
        <translation>dans le chiffre de la route mère</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="42"/>
        <source>in the total&apos;s remainder</source>
        <translation>dans le reste du total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="43"/>
        <source>by its branches</source>
        <translation>par ses branches</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="44"/>
        <source>no figure</source>
        <translation>pas de chiffre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="45"/>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="132"/>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="132"/>
        <source>Figure</source>
        <translation>Chiffre</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="133"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="133"/>
        <source>Shown as</source>
        <translation>Affiché comme</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="134"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="135"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="135"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="136"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="136"/>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="137"/>
        <source>outlier</source>
        <translation>valeur aberrante</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="137"/>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="138"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="163"/>
        <source>Route colour…</source>
        <translation>Couleur de la route…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="164"/>
        <source>Colour of the selected route&apos;s group (e.g. all Central Mediterranean branches)</source>
        <translation>Couleur du groupe de la route choisie (p. ex. toutes les branches de la Méditerranée centrale)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="211"/>
        <source>{0} routes, {1} with problems</source>
        <translation>{0} routes, {1} avec des problèmes</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="232"/>
        <source>Colour of {0}</source>
        <translation>Couleur de {0}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/file_actions.py" line="73"/>
        <source>Reading {0}…</source>
        <translation>Lecture de {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="79"/>
        <source>Choose a sheet</source>
        <translation>Choisir une feuille</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="80"/>
        <source>{0} holds several sheets. Which one holds the figures?</source>
        <translation>{0} contient plusieurs feuilles. Laquelle contient les chiffres ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="82"/>
        <source>Choose a layer</source>
        <translation>Choisir une couche</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="83"/>
        <source>{0} holds several layers. Which one should be opened?</source>
        <translation>{0} contient plusieurs couches. Laquelle ouvrir ?</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="94"/>
        <source>Open figures {0}</source>
        <translation>Ouvrir les chiffres {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="98"/>
        <source>Add layer {0}</source>
        <translation>Ajouter la couche {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="105"/>
        <source>{0} opened, with warnings</source>
        <translation>{0} ouvert, avec des avertissements</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="111"/>
        <source>Cannot use this file</source>
        <translation>Impossible d’utiliser ce fichier</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="126"/>
        <source>{0}: could not be read ({1})</source>
        <translation>{0} : lecture impossible ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="127"/>
        <source>Cannot open {0}</source>
        <translation>Impossible d’ouvrir {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="88"/>
        <location filename="../../gui/file_actions.py" line="128"/>
        <source>Nothing changed: {0} could not be opened</source>
        <translation>Rien n’a changé : {0} n’a pas pu être ouvert</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="157"/>
        <source>Opened {0}</source>
        <translation>{0} ouvert</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="172"/>
        <source>Cannot save the project</source>
        <translation>Impossible d’enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="178"/>
        <source>Saved {0}; copied {1} into {2}</source>
        <translation>{0} enregistré ; {1} copié dans {2}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="181"/>
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
        <location filename="../../gui/layer_panel.py" line="47"/>
        <source>Tick to show a layer; drag to change the drawing order (top is drawn last)</source>
        <translation>Cochez pour afficher une couche ; glissez pour changer l’ordre (la couche du haut est dessinée en dernier)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="49"/>
        <source>Opacity of the selected layer</source>
        <translation>Opacité de la couche choisie</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="50"/>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="53"/>
        <location filename="../../gui/layer_panel.py" line="69"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="54"/>
        <source>Show the layer&apos;s labels (place names, country names, flow values)</source>
        <translation>Afficher les étiquettes de la couche (lieux, pays, valeurs des flux)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="55"/>
        <source>Zoom to layer</source>
        <translation>Zoomer sur la couche</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="57"/>
        <location filename="../../gui/layer_panel.py" line="68"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="58"/>
        <location filename="../../gui/layer_panel.py" line="121"/>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="99"/>
        <source>Width of the largest flow on paper</source>
        <translation>Largeur du plus grand flux sur le papier</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="100"/>
        <source>Width of the outlines on paper</source>
        <translation>Largeur des contours sur le papier</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="102"/>
        <location filename="../../gui/layer_panel.py" line="131"/>
        <source>Land colour</source>
        <translation>Couleur des terres</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="103"/>
        <source>Colour routes by group in the Figures panel</source>
        <translation>Colorez les routes par groupe dans le panneau Chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="119"/>
        <source>Flow width</source>
        <translation>Largeur des flux</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="54"/>
        <source>Layers</source>
        <translation>Couches</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="55"/>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="56"/>
        <source>Trend</source>
        <translation>Tendance</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>&amp;Open data…</source>
        <translation>&amp;Ouvrir des données…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102"/>
        <source>Open boundaries, routes, points (any OGR file or CSV with lat/lon) or figures (CSV/XLSX)</source>
        <translation>Ouvrir frontières, routes, points (tout fichier OGR ou CSV avec lat/lon) ou chiffres (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="103"/>
        <source>Open &amp;project…</source>
        <translation>Ouvrir un &amp;projet…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104"/>
        <source>&amp;Save project</source>
        <translation>&amp;Enregistrer le projet</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105"/>
        <source>Save project &amp;as…</source>
        <translation>Enregistrer le projet &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107"/>
        <source>Export the map as PNG and the layers as GeoJSON or GeoPackage</source>
        <translation>Exporter la carte en PNG et les couches en GeoJSON ou GeoPackage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108"/>
        <source>Export &amp;series…</source>
        <translation>Exporter une &amp;série…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109"/>
        <source>Every period, metric and language chosen, on one width scale per metric, with a PDF atlas</source>
        <translation>Chaque période, indicateur et langue choisis, sur une échelle de largeur par indicateur, avec un atlas PDF</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>&amp;Full extent</source>
        <translation>Étendue &amp;complète</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119"/>
        <source>Zoom to &amp;layer</source>
        <translation>Zoomer sur la &amp;couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120"/>
        <source>&amp;Previous period</source>
        <translation>Période &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>&amp;Next period</source>
        <translation>Période &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>&amp;About Crossings</source>
        <translation>À &amp;propos de Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123"/>
        <source>Map &amp;title and notes…</source>
        <translation>&amp;Titre et notes de la carte…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>The map&apos;s title, subtitle and notes</source>
        <translation>Le titre, le sous-titre et les notes de la carte</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>&amp;Remove layer</source>
        <translation>&amp;Retirer la couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>Remove the layer selected in the layer panel (undoable)</source>
        <translation>Retirer la couche choisie dans le panneau des couches (annulable)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127"/>
        <source>&amp;Web map preview</source>
        <translation>Aperçu de la carte &amp;web</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128"/>
        <source>The interactive web map of the current selection, as exported (works offline)</source>
        <translation>La carte web interactive de la sélection actuelle, telle qu’exportée (fonctionne hors ligne)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134"/>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="154"/>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="162"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>Longitude and latitude under the cursor (WGS84)</source>
        <translation>Longitude et latitude sous le curseur (WGS84)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178"/>
        <source>drawn in {0:.0f} ms</source>
        <translation>dessiné en {0:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Edit title and notes</source>
        <translation>Modifier le titre et les notes</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>Remove layer</source>
        <translation>Retirer la couche</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>The routes carry the figures&apos; flows; open other routes instead of removing them</source>
        <translation>Les routes portent les flux des chiffres ; ouvrez d’autres routes plutôt que de les retirer</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225"/>
        <source>Remove layer {0}</source>
        <translation>Retirer la couche {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="239"/>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Web map</source>
        <translation>Carte web</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>Building the web map…</source>
        <translation>Création de la carte web…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;Annuler : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>&amp;Redo {0}</source>
        <translation>&amp;Rétablir : {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279"/>
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
        <location filename="../../gui/selection_bar.py" line="32"/>
        <source>Language of the country and place names on the map</source>
        <translation>Langue des noms de pays et de lieux sur la carte</translation>
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
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Period</source>
        <translation>Période</translation>
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
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Map names</source>
        <translation>Noms</translation>
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
        <location filename="../../gui/selection_bar.py" line="81"/>
        <source>Map names language</source>
        <translation>Langue des noms de la carte</translation>
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
        <location filename="../../gui/series_dialog.py" line="205"/>
        <source>{0}/{1} {2}, about {3} s left</source>
        <translation>{0}/{1} {2}, encore environ {3} s</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../gui/trend_chart.py" line="68"/>
        <source>Select a route in the figures table</source>
        <translation>Choisissez une route dans le tableau des chiffres</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="71"/>
        <source>{route}: {metric} by period</source>
        <translation>{route} : {metric} par période</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="75"/>
        <source>No figures for this route</source>
        <translation>Aucun chiffre pour cette route</translation>
    </message>
</context>
</TS>
