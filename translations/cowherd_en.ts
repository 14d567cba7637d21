<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>cowherd::ui::DetailsPane</name>
    <message numerus="yes">
        <source>Used by %n instance(s):</source>
        <translation>
            <numerusform>Used by %n instance:</numerusform>
            <numerusform>Used by %n instances:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostListModel</name>
    <message numerus="yes">
        <source>%1 · %n base file(s), </source>
        <translation>
            <numerusform>%1 · %n base file, </numerusform>
            <numerusform>%1 · %n base files, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MainWindow</name>
    <message numerus="yes">
        <source>Scanned %1 at %2 in %3 s — %4 in %n base file(s)</source>
        <translation>
            <numerusform>Scanned %1 at %2 in %3 s — %4 in %n base file</numerusform>
            <numerusform>Scanned %1 at %2 in %3 s — %4 in %n base files</numerusform>
        </translation>
    </message>
</context>
</TS>
