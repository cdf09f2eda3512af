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
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="44"/>
        <source>PNG image</source>
        <translation>صورة PNG</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="45"/>
        <source>PDF (vector)</source>
        <translation>PDF (متجهي)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="46"/>
        <source>SVG (vector, named layers)</source>
        <translation>SVG (متجهي، طبقات مسماة)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="47"/>
        <source>GeoJSON, one file per layer</source>
        <translation>GeoJSON، ملف لكل طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="48"/>
        <source>GeoPackage, all layers</source>
        <translation>GeoPackage، كل الطبقات</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="49"/>
        <source>Web map (one HTML file that works offline)</source>
        <translation>خريطة ويب (ملف HTML واحد يعمل دون اتصال)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="102"/>
        <source>Export map</source>
        <translation>تصدير الخريطة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="113"/>
        <source>Landscape</source>
        <translation>أفقي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="114"/>
        <source>Portrait</source>
        <translation>عمودي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="117"/>
        <source>Transparent background</source>
        <translation>خلفية شفافة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="119"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="130"/>
        <source>Paper</source>
        <translation>الورق</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="131"/>
        <source>Orientation</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="132"/>
        <source>Resolution</source>
        <translation>الدقة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="137"/>
        <source>Folder</source>
        <translation>المجلد</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="138"/>
        <source>File name</source>
        <translation>اسم الملف</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="139"/>
        <source>Formats</source>
        <translation>الصيغ</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="143"/>
        <source>Preview of the page as it will be exported</source>
        <translation>معاينة الصفحة كما ستُصدَّر</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="148"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="194"/>
        <source>Choose at least one format</source>
        <translation>اختر صيغة واحدة على الأقل</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="198"/>
        <source>Not exported: the existing files were kept</source>
        <translation>لم يُصدَّر شيء: احتُفظ بالملفات الموجودة</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="202"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="203"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="214"/>
        <source>Writing {0}…</source>
        <translation>جارٍ كتابة {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="220"/>
        <source>Wrote {0} files to {1}</source>
        <translation>كُتب {0} ملفات في {1}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="225"/>
        <source>Export failed: {0}</source>
        <translation>فشل التصدير: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="229"/>
        <source>Cancelled</source>
        <translation>أُلغي</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="238"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="247"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
</context>
<context>
    <name>FiguresTable</name>
    <message>
        <location filename="../../gui/figures_table.py" line="38"/>
        <source>drawn</source>
        <translation>مرسوم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="39"/>
        <source>total label</source>
        <translation>تسمية المجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="40"/>
        <source>outline, part of another</source>
        <translation>محيط، جزء من رقم آخر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="41"/>
        <source>in its parent&apos;s figure</source>
        <translation>ضمن رقم المسار الأم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="42"/>
        <source>in the total&apos;s remainder</source>
        <translation>ضمن باقي المجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="43"/>
        <source>by its branches</source>
        <translation>عبر فروعه</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="44"/>
        <source>no figure</source>
        <translation>لا رقم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="45"/>
        <source>not applicable</source>
        <translation>لا ينطبق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="132"/>
        <source>Route</source>
        <translation>الطريق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="132"/>
        <source>Figure</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="133"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="133"/>
        <source>Shown as</source>
        <translation>يظهر كـ</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="134"/>
        <source>Problem</source>
        <translation>المشكلة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="135"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="135"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="136"/>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="136"/>
        <source>missing</source>
        <translation>ناقص</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="137"/>
        <source>outlier</source>
        <translation>قيمة شاذة</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="137"/>
        <source>sources</source>
        <translation>مصادر</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="138"/>
        <source>total</source>
        <translation>مجموع</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="163"/>
        <source>Route colour…</source>
        <translation>لون الطريق…</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="164"/>
        <source>Colour of the selected route&apos;s group (e.g. all Central Mediterranean branches)</source>
        <translation>لون مجموعة الطريق المحدد (مثلاً كل فروع وسط المتوسط)</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="211"/>
        <source>{0} routes, {1} with problems</source>
        <translation>{0} طرق، {1} بها مشاكل</translation>
    </message>
    <message>
        <location filename="../../gui/figures_table.py" line="232"/>
        <source>Colour of {0}</source>
        <translation>لون {0}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/file_actions.py" line="73"/>
        <source>Reading {0}…</source>
        <translation>جارٍ قراءة {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="79"/>
        <source>Choose a sheet</source>
        <translation>اختر ورقة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="80"/>
        <source>{0} holds several sheets. Which one holds the figures?</source>
        <translation>يحتوي {0} على عدة أوراق. أيها يحتوي على الأرقام؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="82"/>
        <source>Choose a layer</source>
        <translation>اختر طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="83"/>
        <source>{0} holds several layers. Which one should be opened?</source>
        <translation>يحتوي {0} على عدة طبقات. أيها يجب فتحها؟</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="94"/>
        <source>Open figures {0}</source>
        <translation>فتح الأرقام {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="98"/>
        <source>Add layer {0}</source>
        <translation>إضافة الطبقة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="105"/>
        <source>{0} opened, with warnings</source>
        <translation>فُتح {0} مع تحذيرات</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="111"/>
        <source>Cannot use this file</source>
        <translation>لا يمكن استخدام هذا الملف</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="126"/>
        <source>{0}: could not be read ({1})</source>
        <translation>{0}: تعذرت القراءة ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="127"/>
        <source>Cannot open {0}</source>
        <translation>تعذر فتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="88"/>
        <location filename="../../gui/file_actions.py" line="128"/>
        <source>Nothing changed: {0} could not be opened</source>
        <translation>لم يتغير شيء: تعذر فتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="157"/>
        <source>Opened {0}</source>
        <translation>فُتح {0}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="172"/>
        <source>Cannot save the project</source>
        <translation>تعذر حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="178"/>
        <source>Saved {0}; copied {1} into {2}</source>
        <translation>تم حفظ {0}؛ ونُسخ {1} إلى {2}</translation>
    </message>
    <message>
        <location filename="../../gui/file_actions.py" line="181"/>
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
        <location filename="../../gui/layer_panel.py" line="47"/>
        <source>Tick to show a layer; drag to change the drawing order (top is drawn last)</source>
        <translation>علّم لإظهار طبقة؛ اسحب لتغيير ترتيب الرسم (العليا تُرسم أخيراً)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="49"/>
        <source>Opacity of the selected layer</source>
        <translation>عتامة الطبقة المحددة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="50"/>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="53"/>
        <location filename="../../gui/layer_panel.py" line="69"/>
        <source>Labels</source>
        <translation>التسميات</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="54"/>
        <source>Show the layer&apos;s labels (place names, country names, flow values)</source>
        <translation>إظهار تسميات الطبقة (الأماكن، الدول، قيم التدفقات)</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="55"/>
        <source>Zoom to layer</source>
        <translation>تكبير إلى الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="57"/>
        <location filename="../../gui/layer_panel.py" line="68"/>
        <source>Opacity</source>
        <translation>العتامة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="58"/>
        <location filename="../../gui/layer_panel.py" line="121"/>
        <source>Width</source>
        <translation>العرض</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="99"/>
        <source>Width of the largest flow on paper</source>
        <translation>عرض أكبر تدفق على الورق</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="100"/>
        <source>Width of the outlines on paper</source>
        <translation>عرض الحدود على الورق</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="102"/>
        <location filename="../../gui/layer_panel.py" line="131"/>
        <source>Land colour</source>
        <translation>لون اليابسة</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="103"/>
        <source>Colour routes by group in the Figures panel</source>
        <translation>لوّن الطرق حسب المجموعة في لوحة الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/layer_panel.py" line="119"/>
        <source>Flow width</source>
        <translation>عرض التدفقات</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="54"/>
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="55"/>
        <source>Figures</source>
        <translation>الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="56"/>
        <source>Trend</source>
        <translation>الاتجاه الزمني</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="101"/>
        <source>&amp;Open data…</source>
        <translation>&amp;فتح بيانات…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="102"/>
        <source>Open boundaries, routes, points (any OGR file or CSV with lat/lon) or figures (CSV/XLSX)</source>
        <translation>فتح الحدود أو الطرق أو النقاط (أي ملف OGR أو CSV بخطوط الطول والعرض) أو الأرقام (CSV/XLSX)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="103"/>
        <source>Open &amp;project…</source>
        <translation>فتح &amp;مشروع…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104"/>
        <source>&amp;Save project</source>
        <translation>&amp;حفظ المشروع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="105"/>
        <source>Save project &amp;as…</source>
        <translation>حفظ المشروع &amp;باسم…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="106"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="107"/>
        <source>Export the map as PNG and the layers as GeoJSON or GeoPackage</source>
        <translation>تصدير الخريطة بصيغة PNG والطبقات بصيغة GeoJSON أو GeoPackage</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="108"/>
        <source>Export &amp;series…</source>
        <translation>تصدير &amp;سلسلة…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="109"/>
        <source>Every period, metric and language chosen, on one width scale per metric, with a PDF atlas</source>
        <translation>كل فترة ومؤشر ولغة مختارة، بمقياس عرض واحد لكل مؤشر، مع أطلس PDF</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="111"/>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="112"/>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="113"/>
        <source>Pre&amp;ferences…</source>
        <translation>الت&amp;فضيلات…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="114"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="117"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="118"/>
        <source>&amp;Full extent</source>
        <translation>الامتداد ال&amp;كامل</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="119"/>
        <source>Zoom to &amp;layer</source>
        <translation>تكبير إلى ال&amp;طبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="120"/>
        <source>&amp;Previous period</source>
        <translation>الفترة ال&amp;سابقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="121"/>
        <source>&amp;Next period</source>
        <translation>الفترة ال&amp;تالية</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="122"/>
        <source>&amp;About Crossings</source>
        <translation>&amp;حول Crossings</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="123"/>
        <source>Map &amp;title and notes…</source>
        <translation>&amp;عنوان الخريطة وملاحظاتها…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>The map&apos;s title, subtitle and notes</source>
        <translation>عنوان الخريطة وعنوانها الفرعي وملاحظاتها</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>&amp;Remove layer</source>
        <translation>إ&amp;زالة الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="126"/>
        <source>Remove the layer selected in the layer panel (undoable)</source>
        <translation>إزالة الطبقة المحددة في لوحة الطبقات (يمكن التراجع)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="127"/>
        <source>&amp;Web map preview</source>
        <translation>معاينة خريطة ال&amp;ويب</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="128"/>
        <source>The interactive web map of the current selection, as exported (works offline)</source>
        <translation>خريطة الويب التفاعلية للاختيار الحالي كما تُصدَّر (تعمل دون اتصال)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="132"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134"/>
        <source>Open &amp;recent</source>
        <translation>الملفات ال&amp;حديثة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="139"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="145"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="153"/>
        <source>&amp;Help</source>
        <translation>&amp;مساعدة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="154"/>
        <source>Main</source>
        <translation>الرئيسي</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="161"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="162"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>Longitude and latitude under the cursor (WGS84)</source>
        <translation>خط الطول والعرض تحت المؤشر (WGS84)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="178"/>
        <source>drawn in {0:.0f} ms</source>
        <translation>رُسمت في {0:.0f} مللي ثانية</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="192"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="215"/>
        <source>Edit title and notes</source>
        <translation>تعديل العنوان والملاحظات</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="222"/>
        <source>Remove layer</source>
        <translation>إزالة الطبقة</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="223"/>
        <source>The routes carry the figures&apos; flows; open other routes instead of removing them</source>
        <translation>تحمل المسارات تدفقات الأرقام؛ افتح مسارات أخرى بدلًا من إزالتها</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="225"/>
        <source>Remove layer {0}</source>
        <translation>إزالة الطبقة {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="239"/>
        <location filename="../../gui/main_window.py" line="260"/>
        <source>Web map</source>
        <translation>خريطة ويب</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="256"/>
        <source>Building the web map…</source>
        <translation>جارٍ إنشاء خريطة الويب…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>&amp;Undo {0}</source>
        <translation>&amp;تراجع: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="272"/>
        <source>&amp;Redo {0}</source>
        <translation>إ&amp;عادة: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279"/>
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
        <location filename="../../gui/selection_bar.py" line="32"/>
        <source>Language of the country and place names on the map</source>
        <translation>لغة أسماء الدول والأماكن على الخريطة</translation>
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
        <location filename="../../gui/selection_bar.py" line="43"/>
        <source>Period</source>
        <translation>الفترة</translation>
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
        <location filename="../../gui/selection_bar.py" line="44"/>
        <source>Map names</source>
        <translation>الأسماء</translation>
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
        <location filename="../../gui/selection_bar.py" line="81"/>
        <source>Map names language</source>
        <translation>لغة أسماء الخريطة</translation>
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
        <location filename="../../gui/series_dialog.py" line="205"/>
        <source>{0}/{1} {2}, about {3} s left</source>
        <translation>{0}/{1} {2}، يتبقى نحو {3} ث</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../gui/trend_chart.py" line="68"/>
        <source>Select a route in the figures table</source>
        <translation>اختر طريقاً في جدول الأرقام</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="71"/>
        <source>{route}: {metric} by period</source>
        <translation>{route}: {metric} حسب الفترة</translation>
    </message>
    <message>
        <location filename="../../gui/trend_chart.py" line="75"/>
        <source>No figures for this route</source>
        <translation>لا أرقام لهذا الطريق</translation>
    </message>
</context>
</TS>
