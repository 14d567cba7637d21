<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>DisplayFormat</name>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>vergrößert</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>ephemeral</source>
        <translation>flüchtig</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>unvollständig</translation>
    </message>
    <message>
        <source>touch</source>
        <translation>auffrischen</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>entfernen</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>behalten</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>fährt herunter</translation>
    </message>
    <message>
        <source>shutoff</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>im Ruhezustand</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Local demo lab — %1 (no hypervisor)</source>
        <translation>Lokales Demo-Labor — %1 (ohne Hypervisor)</translation>
    </message>
    <message>
        <source>Local demo lab — %1</source>
        <translation>Lokales Demo-Labor — %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::AboutDialog</name>
    <message>
        <source>About Cowherd</source>
        <translation>Über Cowherd</translation>
    </message>
    <message>
        <source>Cowherd</source>
        <translation>Cowherd</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Watches the image cache of KVM hosts and the copy-on-write instances built on it.</source>
        <translation>Überwacht den Image-Cache von KVM-Hosts und die darauf aufbauenden Copy-on-Write-Instanzen.</translation>
    </message>
    <message>
        <source>Licensed under %1. Built with Qt %2.</source>
        <translation>Lizenziert unter %1. Erstellt mit Qt %2.</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::BaseCacheModel</name>
    <message>
        <source>%1

Problems:
%2</source>
        <translation>%1

Probleme:
%2</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>Virt. Größe</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Genutzt</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CleanupPlanModel</name>
    <message>
        <source>Base file</source>
        <translation>Basisdatei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CleanupPlanView</name>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Planen</translation>
    </message>
    <message>
        <source>&amp;Clean up now</source>
        <translation>Jetzt &amp;aufräumen</translation>
    </message>
    <message>
        <source>Scan the sharing group and show what a pass would do, changing nothing.</source>
        <translation>Durchsucht die Hosts mit gemeinsamem Cache und zeigt, was ein Cache-Durchlauf täte, ohne etwas zu ändern.</translation>
    </message>
    <message>
        <source>Touch base files in use and remove the unused ones under their locks.</source>
        <translation>Frischt den Zeitstempel benutzter Basisdateien auf und entfernt die unbenutzten unter ihren Sperren.</translation>
    </message>
    <message>
        <source>Nothing is removed in this sharing group: %1</source>
        <translation>In dieser Gruppe mit gemeinsamem Cache wird nichts entfernt: %1</translation>
    </message>
    <message>
        <source>Removed %1 files (%2), touched %3, kept %4.</source>
        <translation>%1 Dateien entfernt (%2), %3 aufgefrischt, %4 behalten.</translation>
    </message>
    <message>
        <source>Would remove %1 files (%2), touch %3, keep %4.</source>
        <translation>Würde %1 Dateien entfernen (%2), %3 auffrischen, %4 behalten.</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::DetailsPane</name>
    <message>
        <source>%1 virtual, %2 allocated</source>
        <translation>%1 virtuell, %2 belegt</translation>
    </message>
    <message>
        <source>Problems:
%1</source>
        <translation>Probleme:
%1</translation>
    </message>
    <message>
        <source>Select a base file or an instance to see its details.</source>
        <translation>Wählen Sie eine Basisdatei oder eine Instanz, um deren Details zu sehen.</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Virtual size:</source>
        <translation>Virtuelle Größe:</translation>
    </message>
    <message>
        <source>Allocated:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>Image id:</source>
        <translation>Image-ID:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Verzeichnis:</translation>
    </message>
    <message>
        <source>Disk and backing chain</source>
        <translation>Datenträger und Backing-Kette</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <source>%1 (of %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1 on disk, %2 apparent</source>
        <translation>%1 auf der Platte, %2 scheinbar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No instance uses this base file.</source>
        <translation>Keine Instanz verwendet diese Basisdatei.</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n instance(s):</source>
        <translation>
            <numerusform>Verwendet von %n Instanz:</numerusform>
            <numerusform>Verwendet von %n Instanzen:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Show this instance</source>
        <translation>Diese Instanz anzeigen</translation>
    </message>
    <message>
        <source>(not defined in libvirt)</source>
        <translation>(nicht in libvirt definiert)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>base file %1</source>
        <translation>Basisdatei %1</translation>
    </message>
    <message>
        <source>%1
Double-click to show this base file</source>
        <translation>%1
Doppelklick zeigt diese Basisdatei</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostListModel</name>
    <message>
        <source>Local demo lab</source>
        <translation>Lokales Demo-Labor</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>nicht durchsucht</translation>
    </message>
    <message>
        <source>scanning…</source>
        <translation>wird durchsucht…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n base file(s), </source>
        <translation>
            <numerusform>%1 · %n Basisdatei, </numerusform>
            <numerusform>%1 · %n Basisdateien, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n Instanz</numerusform>
            <numerusform>%n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Instances path: %3
State: %4</source>
        <translation>%1
%2
Instanzpfad: %3
Zustand: %4</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>Basisdateien</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostSidebar</name>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::InstanceModel</name>
    <message>
        <source>Problems:
%1</source>
        <translation>Probleme:
%1</translation>
    </message>
    <message>
        <source>(not defined)</source>
        <translation>(nicht definiert)</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Disks</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>Basisdateien</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MainWindow</name>
    <message>
        <source>Scanning %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Scan every host again (F5)</source>
        <translation>Alle Hosts erneut durchsuchen (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Filter by name, kind or format</source>
        <translation>Nach Name, Art oder Format filtern</translation>
    </message>
    <message>
        <source>Filter by uuid, name, state or base file</source>
        <translation>Nach UUID, Name, Zustand oder Basisdatei filtern</translation>
    </message>
    <message>
        <source>Base cache</source>
        <translation>Basis-Cache</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Reading the host list…</source>
        <translation>Hostliste wird gelesen…</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 at %2 in %3 s — %4 in %n base file(s)</source>
        <translation>
            <numerusform>%1 um %2 in %3 s durchsucht — %4 in %n Basisdatei</numerusform>
            <numerusform>%1 um %2 in %3 s durchsucht — %4 in %n Basisdateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning %1 failed</source>
        <translation>Durchsuchen von %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cannot scan %1: %2</source>
        <translation>%1 kann nicht durchsucht werden: %2</translation>
    </message>
    <message>
        <source>libvirt: %1</source>
        <translation>libvirt: %1</translation>
    </message>
    <message>
        <source>%1. No host is configured; add one with “cowherdctl hosts add NAME URI --instances-path PATH”.</source>
        <translation>%1. Es ist kein Host eingerichtet; fügen Sie einen mit „cowherdctl hosts add NAME URI --instances-path PATH“ hinzu.</translation>
    </message>
    <message>
        <source>Base cache (%1)</source>
        <translation>Basis-Cache (%1)</translation>
    </message>
    <message>
        <source>Instances (%1)</source>
        <translation>Instanzen (%1)</translation>
    </message>
    <message>
        <source>Cowherd</source>
        <translation>Cowherd</translation>
    </message>
    <message>
        <source>%1 — Cowherd</source>
        <translation>%1 — Cowherd</translation>
    </message>
    <message>
        <source>%1 (%2) — Cowherd</source>
        <translation>%1 (%2) — Cowherd</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Watches the image cache (_base) of KVM hosts and the copy-on-write instances built on it.</source>
        <translation>Überwacht den Image-Cache (_base) von KVM-Hosts und die darauf aufbauenden Copy-on-Write-Instanzen.</translation>
    </message>
    <message>
        <source>Read the host list from &lt;file&gt; instead of the default location.</source>
        <translation>Liest die Hostliste aus &lt;Datei&gt; statt vom Standardort.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Show the user interface in &lt;language&gt; (for example de or zh_CN) instead of the system&apos;s.</source>
        <translation>Zeigt die Oberfläche in &lt;Sprache&gt; (zum Beispiel de oder zh_CN) statt in der des Systems.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
</context>
</TS>
