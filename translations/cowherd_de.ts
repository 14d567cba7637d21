<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AddHostDialog</name>
    <message>
        <source>SSH (qemu+ssh)</source>
        <translation>SSH (qemu+ssh)</translation>
    </message>
    <message>
        <source>TLS (qemu+tls)</source>
        <translation>TLS (qemu+tls)</translation>
    </message>
    <message>
        <source>TCP (qemu+tcp)</source>
        <translation>TCP (qemu+tcp)</translation>
    </message>
    <message>
        <source>This machine, system (qemu:///system)</source>
        <translation>Dieser Rechner, System (qemu:///system)</translation>
    </message>
    <message>
        <source>This machine, session (qemu:///session)</source>
        <translation>Dieser Rechner, Sitzung (qemu:///session)</translation>
    </message>
    <message>
        <source>Test driver (test:///default)</source>
        <translation>Testtreiber (test:///default)</translation>
    </message>
    <message>
        <source>✔ %1: %2</source>
        <translation>✔ %1: %2</translation>
    </message>
    <message>
        <source>✘ %1: %2</source>
        <translation>✘ %1: %2</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source>libvirt</source>
        <translation>libvirt</translation>
    </message>
    <message>
        <source>connected, KVM available</source>
        <translation>verbunden, KVM verfügbar</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>qemu-img</source>
        <translation>qemu-img</translation>
    </message>
    <message>
        <source>not installed or not working</source>
        <translation>nicht installiert oder funktioniert nicht</translation>
    </message>
    <message>
        <source>write access to _base</source>
        <translation>Schreibzugriff auf _base</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>free space</source>
        <translation>freier Platz</translation>
    </message>
</context>
<context>
    <name>CacheTasks</name>
    <message>
        <source>scanning</source>
        <translation>durchsucht</translation>
    </message>
    <message>
        <source>Sharing group: %1</source>
        <translation>Gruppe mit gemeinsamem Cache: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Plan: %1 to remove (%2), %3 to touch, %4 to keep</source>
        <translation>Plan: %1 entfernen (%2), %3 auffrischen, %4 behalten</translation>
    </message>
    <message>
        <source>Done: %1 removed (%2), %3 touched, %4 kept</source>
        <translation>Fertig: %1 entfernt (%2), %3 aufgefrischt, %4 behalten</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) verified</source>
        <translation>
            <numerusform>%n Basisdatei geprüft</numerusform>
            <numerusform>%n Basisdateien geprüft</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>Nichts wurde entfernt: %1</translation>
    </message>
    <message>
        <source>hashing</source>
        <translation>berechnet Prüfsumme</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) on %1 failed verification; see the log.</source>
        <translation>
            <numerusform>%n Basisdatei auf %1 hat die Prüfung nicht bestanden; siehe Protokoll.</numerusform>
            <numerusform>%n Basisdateien auf %1 haben die Prüfung nicht bestanden; siehe Protokoll.</numerusform>
        </translation>
    </message>
    <message>
        <source>No base file named %1 in %2 on %3.</source>
        <translation>Keine Basisdatei namens %1 in %2 auf %3.</translation>
    </message>
    <message>
        <source>Pinned %1: no cache pass removes it</source>
        <translation>%1 angeheftet: kein Cache-Durchlauf entfernt sie</translation>
    </message>
    <message>
        <source>Unpinned %1</source>
        <translation>%1 gelöst</translation>
    </message>
    <message>
        <source>cowherd.conf (hosts/%1/cache_pass)</source>
        <translation>cowherd.conf (hosts/%1/cache_pass)</translation>
    </message>
    <message>
        <source>Rules: Nova&apos;s image cache manager, ages from %1</source>
        <translation>Regeln: Novas Image-Cache-Verwaltung, Alter aus %1</translation>
    </message>
    <message>
        <source>Rules: Cowherd&apos;s, ages from %1</source>
        <translation>Regeln: die von Cowherd, Alter aus %1</translation>
    </message>
    <message>
        <source>Nova manages this cache: planned only, nothing changed (%1 to remove by Nova&apos;s rules, %2).</source>
        <translation>Nova verwaltet diesen Cache: nur geplant, nichts geändert (%1 nach Novas Regeln zu entfernen, %2).</translation>
    </message>
</context>
<context>
    <name>DemoLab</name>
    <message>
        <source>Cannot make a temporary directory for the demo images: %1</source>
        <translation>Temporäres Verzeichnis für die Demo-Images kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>%1: base file %2 (image id %3)</source>
        <translation>%1: Basisdatei %2 (Image-ID %3)</translation>
    </message>
    <message>
        <source>%1 is not the demo lab; nothing was reset.</source>
        <translation>%1 ist nicht das Demo-Labor; nichts wurde zurückgesetzt.</translation>
    </message>
    <message>
        <source>terminating instances</source>
        <translation>löscht Instanzen</translation>
    </message>
    <message>
        <source>Terminating %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <source>removing the lab</source>
        <translation>entfernt das Labor</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>%1 entfernt</translation>
    </message>
</context>
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
    <message>
        <source>hashing</source>
        <translation>berechnet Prüfsumme</translation>
    </message>
    <message>
        <source>waiting for the lock</source>
        <translation>wartet auf die Sperre</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>lädt herunter</translation>
    </message>
    <message>
        <source>inspecting</source>
        <translation>untersucht</translation>
    </message>
    <message>
        <source>converting</source>
        <translation>konvertiert</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>prüft</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>anheften</translation>
    </message>
    <message>
        <source>unpin</source>
        <translation>lösen</translation>
    </message>
    <message>
        <source>advised (Nova manages the cache)</source>
        <translation>beraten (Nova verwaltet den Cache)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPUs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 disk</source>
        <translation>%1 Disk</translation>
    </message>
    <message>
        <source>unknown flavor</source>
        <translation>unbekannter Flavor</translation>
    </message>
</context>
<context>
    <name>ImageTasks</name>
    <message>
        <source>%1 was cached on %2 already as %3.</source>
        <translation>%1 war auf %2 bereits als %3 im Cache.</translation>
    </message>
    <message>
        <source>%1 is cached on %2 as %3 (%4, %5).</source>
        <translation>%1 ist auf %2 als %3 im Cache (%4, %5).</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>öffnet</translation>
    </message>
</context>
<context>
    <name>InstanceTasks</name>
    <message>
        <source>Cannot read %1 as a disk image.</source>
        <translation>%1 kann nicht als Disk-Image gelesen werden.</translation>
    </message>
    <message>
        <source>%1 (raw, %2) will be fetched into the cache of %3 unless the same bytes are there already.</source>
        <translation>%1 (raw, %2) wird in den Cache von %3 geholt, sofern dieselben Bytes nicht schon dort sind.</translation>
    </message>
    <message>
        <source>%1 (%2, %3) will be fetched into the cache of %4 and converted to raw, unless the same bytes are there already.</source>
        <translation>%1 (%2, %3) wird in den Cache von %4 geholt und nach raw konvertiert, sofern dieselben Bytes nicht schon dort sind.</translation>
    </message>
    <message>
        <source>Refused: the image is larger than %1 GiB (%2); choose a larger size.</source>
        <translation>Abgelehnt: Das Image ist größer als %1 GiB (%2); wählen Sie eine größere Größe.</translation>
    </message>
    <message>
        <source>Base file %1 exists and will be reused.</source>
        <translation>Basisdatei %1 ist vorhanden und wird wiederverwendet.</translation>
    </message>
    <message>
        <source>A resized base file &lt;sha1&gt;_%1 will be made from it (or reused).</source>
        <translation>Daraus wird eine vergrößerte Basisdatei &lt;sha1&gt;_%1 angelegt (oder wiederverwendet).</translation>
    </message>
    <message>
        <source>The resized base %1_%2 exists and will be reused.</source>
        <translation>Die vergrößerte Basis %1_%2 ist vorhanden und wird wiederverwendet.</translation>
    </message>
    <message>
        <source>A resized base %1_%2 will be made.</source>
        <translation>Eine vergrößerte Basis %1_%2 wird angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPU(s), network: %3), which is defined and started on %4.</source>
        <translation>
            <numerusform>Ein qcow2-Overlay darauf wird die Disk von „%1“ (%2 MiB, %n vCPU, Netzwerk: %3), die auf %4 definiert und gestartet wird.</numerusform>
            <numerusform>Ein qcow2-Overlay darauf wird die Disk von „%1“ (%2 MiB, %n vCPUs, Netzwerk: %3), die auf %4 definiert und gestartet wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>%1 (%2) is %3; base file %4%5</source>
        <translation>%1 (%2) ist %3; Basisdatei %4%5</translation>
    </message>
    <message>
        <source>, reused</source>
        <translation>, wiederverwendet</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>waiting for power-off</source>
        <translation>wartet auf das Ausschalten</translation>
    </message>
    <message>
        <source>rebooting</source>
        <translation>startet neu</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>löscht</translation>
    </message>
    <message>
        <source>Removed %1/%2; its base files stay in the cache.</source>
        <translation>%1/%2 entfernt; seine Basisdateien bleiben im Cache.</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 einschalten</translation>
    </message>
    <message>
        <source>Shut down %1</source>
        <translation>%1 herunterfahren</translation>
    </message>
    <message>
        <source>Reboot %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>%1 will be fetched from Glance into the cache of %2 as %3.</source>
        <translation>%1 wird aus Glance in den Cache von %2 als %3 geladen.</translation>
    </message>
    <message>
        <source>pausing</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>resuming</source>
        <translation>wird fortgesetzt</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>%1 anhalten</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>%1 fortsetzen</translation>
    </message>
</context>
<context>
    <name>LastPasses</name>
    <message>
        <source>blocked: nothing removed</source>
        <translation>blockiert: nichts entfernt</translation>
    </message>
    <message numerus="yes">
        <source>removed %n file(s) (%1)</source>
        <translation>
            <numerusform>%n Datei entfernt (%1)</numerusform>
            <numerusform>%n Dateien entfernt (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to remove</source>
        <translation>nichts zu entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n corrupt or unreadable file(s)</source>
        <translation>
            <numerusform>%n beschädigte oder unlesbare Datei</numerusform>
            <numerusform>%n beschädigte oder unlesbare Dateien</numerusform>
        </translation>
    </message>
    <message>
        <source>Nova manages this cache: advice only</source>
        <translation>Nova verwaltet diesen Cache: nur Beratung</translation>
    </message>
</context>
<context>
    <name>MapGraph</name>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Virtual size: %1</source>
        <translation>Virtuelle Größe: %1</translation>
    </message>
    <message>
        <source>On disk: %1</source>
        <translation>Auf der Platte: %1</translation>
    </message>
    <message numerus="yes">
        <source>Referenced by %n instance(s)</source>
        <translation>
            <numerusform>Von %n Instanz referenziert</numerusform>
            <numerusform>Von %n Instanzen referenziert</numerusform>
        </translation>
    </message>
    <message>
        <source>A cache pass would remove it now.</source>
        <translation>Ein Cache-Durchlauf würde sie jetzt entfernen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n instance(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n Instanz</numerusform>
            <numerusform>%1 · %2 · %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation>UUID: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n Disk</numerusform>
            <numerusform>%n Disks</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %2 von %3</translation>
    </message>
    <message>
        <source>Allocated: %1</source>
        <translation>Belegt: %1</translation>
    </message>
    <message>
        <source>No backing file</source>
        <translation>Keine Backing-Datei</translation>
    </message>
    <message>
        <source>Backing chain:</source>
        <translation>Backing-Kette:</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>Flavor: %1</source>
        <translation>Flavor: %1</translation>
    </message>
</context>
<context>
    <name>ScreenshotHook</name>
    <message>
        <source>Verify %1 on %2</source>
        <translation>%1 auf %2 prüfen</translation>
    </message>
    <message>
        <source>Launch %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Cache pass on %1</source>
        <translation>Cache-Durchlauf auf %1</translation>
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
    <name>cowherd::ui::AddHostDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
    </message>
    <message>
        <source>from ~/.ssh/config</source>
        <translation>aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>lab3, or an alias from ~/.ssh/config</source>
        <translation>lab3 oder ein Alias aus ~/.ssh/config</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Test checks libvirt, the files over SSH, qemu-img, write access to _base and free space.</source>
        <translation>„Testen“ prüft libvirt, die Dateien über SSH, qemu-img, den Schreibzugriff auf _base und den freien Platz.</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>Hostname</translation>
    </message>
    <message>
        <source>libvirt URI</source>
        <translation>libvirt-URI</translation>
    </message>
    <message>
        <source>Instances path</source>
        <translation>Instanzpfad</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation>T&amp;ransport:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>libvirt &amp;URI:</source>
        <translation>libvirt-&amp;URI:</translation>
    </message>
    <message>
        <source>&amp;Instances path:</source>
        <translation>&amp;Instanzpfad:</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
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
    <message>
        <source>Last verified %1</source>
        <translation>Zuletzt geprüft %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>in Gebrauch</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>angeheftet</translation>
    </message>
    <message>
        <source>never (corrupt)</source>
        <translation>nie (beschädigt)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>MISMATCH</source>
        <translation>ABWEICHUNG</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>ungeprüft</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>Removable in</source>
        <translation>Entfernbar in</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CacheActions</name>
    <message>
        <source>Corrupt base files</source>
        <translation>Beschädigte Basisdateien</translation>
    </message>
    <message>
        <source>Cache &amp;pass…</source>
        <translation>Cache-&amp;Durchlauf…</translation>
    </message>
    <message>
        <source>Preview what a cache pass would remove, then run it (Ctrl+Shift+P)</source>
        <translation>Vorschau, was ein Cache-Durchlauf entfernen würde, dann ausführen (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>&amp;Verify checksums</source>
        <translation>Prüfsummen &amp;prüfen</translation>
    </message>
    <message>
        <source>Hash every base file of the host and compare with the recorded sha256 (Ctrl+Shift+V)</source>
        <translation>Jede Basisdatei des Hosts hashen und mit der gespeicherten sha256 vergleichen (Strg+Umschalt+V)</translation>
    </message>
    <message>
        <source>P&amp;in base file</source>
        <translation>Basisdatei &amp;anheften</translation>
    </message>
    <message>
        <source>Verify checksums on %1</source>
        <translation>Prüfsummen auf %1 prüfen</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>%1 anheften</translation>
    </message>
    <message>
        <source>Unpin %1</source>
        <translation>%1 lösen</translation>
    </message>
    <message>
        <source>Unp&amp;in base file</source>
        <translation>Basisdatei &amp;lösen</translation>
    </message>
    <message>
        <source>Let cache passes remove this base file again when unused (Ctrl+Shift+I)</source>
        <translation>Cache-Durchläufe dürfen diese Basisdatei wieder entfernen, wenn sie ungenutzt ist (Strg+Umschalt+I)</translation>
    </message>
    <message>
        <source>Keep this base file forever, used or not (Ctrl+Shift+I)</source>
        <translation>Diese Basisdatei für immer behalten, genutzt oder nicht (Strg+Umschalt+I)</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) on %1 no longer match their recorded sha256 and are corrupt: %2. Instances using them may read bad data; fetch the image again and move them to it.</source>
        <translation>
            <numerusform>%n Basisdatei auf %1 stimmt nicht mehr mit ihrer gespeicherten sha256 überein und ist beschädigt: %2. Instanzen, die sie nutzen, lesen womöglich falsche Daten; holen Sie das Image erneut und stellen Sie sie darauf um.</numerusform>
            <numerusform>%n Basisdateien auf %1 stimmen nicht mehr mit ihrer gespeicherten sha256 überein und sind beschädigt: %2. Instanzen, die sie nutzen, lesen womöglich falsche Daten; holen Sie das Image erneut und stellen Sie sie darauf um.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CachePassDialog</name>
    <message>
        <source>Cache pass on %1</source>
        <translation>Cache-Durchlauf auf %1</translation>
    </message>
    <message>
        <source>What a cache pass would do in the sharing group of %1: base files in use are touched, unused ones older than the minimum age are removed under their lock.</source>
        <translation>Was ein Cache-Durchlauf in der Gruppe mit gemeinsamem Cache von %1 täte: Der Zeitstempel benutzter Basisdateien wird aufgefrischt, unbenutzte, die älter als das Mindestalter sind, werden unter ihrer Sperre entfernt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close, and stop a plan or pass that is still running</source>
        <translation>Schließen und einen noch laufenden Plan oder Durchlauf anhalten</translation>
    </message>
    <message>
        <source>Plan a cache pass on %1</source>
        <translation>Cache-Durchlauf auf %1 planen</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CachePassScheduler</name>
    <message>
        <source>Scheduled cache pass on %1</source>
        <translation>Geplanter Cache-Durchlauf auf %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CacheViews</name>
    <message>
        <source>Filter by name, kind or format</source>
        <translation>Nach Name, Art oder Format filtern</translation>
    </message>
    <message>
        <source>Base cache</source>
        <translation>Basis-Cache</translation>
    </message>
    <message>
        <source>Filter by uuid, name, state or base file</source>
        <translation>Nach UUID, Name, Zustand oder Basisdatei filtern</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Base cache (%1)</source>
        <translation>Basis-Cache (%1)</translation>
    </message>
    <message>
        <source>Instances (%1)</source>
        <translation>Instanzen (%1)</translation>
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
    <message>
        <source>Cowherd&apos;s advice</source>
        <translation>Rat von Cowherd</translation>
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
    <message>
        <source>Nova manages this cache: the plan follows Nova&apos;s image cache manager, ages from %1.</source>
        <translation>Nova verwaltet diesen Cache: Der Plan folgt Novas Image-Cache-Verwaltung, Alter aus %1.</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudBrowser</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudKeyring</name>
    <message>
        <source>no keyring service answered</source>
        <translation>kein Schlüsselbund-Dienst hat geantwortet</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudPasswordDialog</name>
    <message>
        <source>&amp;Keep it in the desktop keyring</source>
        <translation>Im Desktop-&amp;Schlüsselbund aufbewahren</translation>
    </message>
    <message>
        <source>Password for cloud %1</source>
        <translation>Passwort für Cloud %1</translation>
    </message>
    <message>
        <source>Cloud %1 needs the password of %2; neither clouds.yaml, secure.yaml nor the OS_* variables give it.</source>
        <translation>Cloud %1 braucht das Passwort von %2; weder clouds.yaml, secure.yaml noch die OS_*-Variablen enthalten es.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>The password cannot be kept: no desktop keyring answered (%1). Cowherd will ask again next time.</source>
        <translation>Das Passwort kann nicht aufbewahrt werden: kein Desktop-Schlüsselbund hat geantwortet (%1). Cowherd fragt beim nächsten Mal erneut.</translation>
    </message>
    <message>
        <source>Without the keyring, Cowherd asks again after it is restarted. The password is never written to a file or a log.</source>
        <translation>Ohne Schlüsselbund fragt Cowherd nach einem Neustart erneut. Das Passwort wird nie in eine Datei oder ein Protokoll geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ConsolePane</name>
    <message>
        <source>Serial console</source>
        <translation>Serielle Konsole</translation>
    </message>
    <message>
        <source>Select an instance to follow its serial console.</source>
        <translation>Wählen Sie eine Instanz, um ihrer seriellen Konsole zu folgen.</translation>
    </message>
    <message>
        <source>No instance selected</source>
        <translation>Keine Instanz ausgewählt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot read the console log: %1</source>
        <translation>Das Konsolenprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2 on %3</source>
        <translation>%1 — %2 auf %3</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::Dashboard</name>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Show figures for all hosts</source>
        <translation>Zahlen für alle Hosts zeigen</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <source>Reclaimable now</source>
        <translation>Jetzt freigebbar</translation>
    </message>
    <message>
        <source>Copy-on-write saves</source>
        <translation>Copy-on-Write spart</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Instances per base file</source>
        <translation>Instanzen je Basisdatei</translation>
    </message>
    <message>
        <source>Cache by kind</source>
        <translation>Cache nach Art</translation>
    </message>
    <message>
        <source>Base file</source>
        <translation>Basisdatei</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Largest base files</source>
        <translation>Größte Basisdateien</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Recent cache passes</source>
        <translation>Letzte Cache-Durchläufe</translation>
    </message>
    <message>
        <source>All hosts (%1)</source>
        <translation>Alle Hosts (%1)</translation>
    </message>
    <message>
        <source>No host scanned yet</source>
        <translation>Noch kein Host durchsucht</translation>
    </message>
    <message numerus="yes">
        <source>in %n base file(s)</source>
        <translation>
            <numerusform>in %n Basisdatei</numerusform>
            <numerusform>in %n Basisdateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>%n Datei, die ein Cache-Durchlauf jetzt entfernen würde</numerusform>
            <numerusform>%n Dateien, die ein Cache-Durchlauf jetzt entfernen würde</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as full copies, %2 with shared base files</source>
        <translation>%1 als vollständige Kopien, %2 mit gemeinsamen Basisdateien</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s) on the cache</source>
        <translation>
            <numerusform>%n Overlay auf dem Cache</numerusform>
            <numerusform>%n Overlays auf dem Cache</numerusform>
        </translation>
    </message>
    <message>
        <source>No cache pass recorded yet</source>
        <translation>Noch kein Cache-Durchlauf aufgezeichnet</translation>
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
    <message>
        <source>Project:</source>
        <translation>Projekt:</translation>
    </message>
    <message>
        <source>Flavor:</source>
        <translation>Flavor:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Image:</translation>
    </message>
    <message>
        <source>none (booted from a volume)</source>
        <translation>keines (von einem Volume gestartet)</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::FiguresPlot</name>
    <message>
        <source>CPU use over time</source>
        <translation>CPU-Auslastung im Zeitverlauf</translation>
    </message>
    <message>
        <source>No live figures: the instance is not running or the Instances tab is hidden.</source>
        <translation>Keine Live-Werte: Die Instanz läuft nicht oder der Reiter „Instanzen“ ist ausgeblendet.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>CPU %1 · memory %2 · disk read %3, write %4</source>
        <translation>CPU %1 · Speicher %2 · Platte lesen %3, schreiben %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::GlanceImageModel</name>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>nicht gescannt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 holds this image as base file %2</source>
        <translation>%1 hat dieses Image als Basisdatei %2</translation>
    </message>
    <message>
        <source>No base file %1 on %2</source>
        <translation>Keine Basisdatei %1 auf %2</translation>
    </message>
    <message>
        <source>Only active images can be fetched; this one is %1.</source>
        <translation>Nur aktive Images können geladen werden; dieses ist %1.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Disk format</source>
        <translation>Datenträgerformat</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Cached on this host</source>
        <translation>Auf diesem Host im Cache</translation>
    </message>
    <message>
        <source>Cached on %1</source>
        <translation>Im Cache von %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostConnections</name>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbindet…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>reconnecting (attempt %1)</source>
        <translation>verbindet neu (Versuch %1)</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet neu</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
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
    <message>
        <source>libvirt: %1</source>
        <translation>libvirt: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>%n Datei, die ein Cache-Durchlauf jetzt entfernen würde</numerusform>
            <numerusform>%n Dateien, die ein Cache-Durchlauf jetzt entfernen würde</numerusform>
        </translation>
    </message>
    <message>
        <source>Last cache pass: %1, %2</source>
        <translation>Letzter Cache-Durchlauf: %1, %2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keiner</translation>
    </message>
    <message>
        <source>%1 ago · %2</source>
        <translation>vor %1 · %2</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache-Größe</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>Freigebbar</translation>
    </message>
    <message>
        <source>Last cache pass</source>
        <translation>Letzter Cache-Durchlauf</translation>
    </message>
    <message>
        <source>This _base is shared with %1: the figure is the whole group&apos;s, planned on the instances of all its hosts. Count it once, not once per host.</source>
        <translation>Diese _base teilt sich der Host mit %1: Der Wert gilt für die ganze Gruppe und ist mit den Instanzen aller ihrer Hosts geplant. Zählen Sie ihn einmal, nicht einmal pro Host.</translation>
    </message>
    <message>
        <source>%1 · shared</source>
        <translation>%1 · geteilt</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s), </source>
        <translation>
            <numerusform>%n Basisdatei, </numerusform>
            <numerusform>%n Basisdateien, </numerusform>
        </translation>
    </message>
    <message>
        <source>Nova · %1 · %2</source>
        <translation>Nova · %1 · %2</translation>
    </message>
    <message>
        <source>Nova (Cowherd may write)</source>
        <translation>Nova (Cowherd darf schreiben)</translation>
    </message>
    <message>
        <source>Nova (advice only)</source>
        <translation>Nova (nur Beratung)</translation>
    </message>
    <message>
        <source>Cowherd</source>
        <translation>Cowherd</translation>
    </message>
    <message>
        <source>Managed by: %1 (%2)</source>
        <translation>Verwaltet von: %1 (%2)</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>Verwaltet von</translation>
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
    <name>cowherd::ui::HostsFeature</name>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
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
        <source>&amp;Add host…</source>
        <translation>Host &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Add a hypervisor by its libvirt URI and test what works</source>
        <translation>Einen Hypervisor über seine libvirt-URI hinzufügen und testen, was funktioniert</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>All &amp;hosts</source>
        <translation>Alle &amp;Hosts</translation>
    </message>
    <message>
        <source>Every host at a glance: connection, cache size, reclaimable bytes, last cache pass</source>
        <translation>Alle Hosts auf einen Blick: Verbindung, Cache-Größe, freigebbarer Platz, letzter Cache-Durchlauf</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>Host hinzufügen</translation>
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
        <source>%1. No host is configured; add one with File › Add host… or on the command line with “cowherdctl hosts add NAME URI --instances-path PATH”.</source>
        <translation>%1. Es ist kein Host eingerichtet; fügen Sie einen über Datei › Host hinzufügen… hinzu oder auf der Kommandozeile mit „cowherdctl hosts add NAME URI --instances-path PATH“.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>libvirt on %1 cannot be followed: %2</source>
        <translation>libvirt auf %1 lässt sich nicht verfolgen: %2</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostsOverview</name>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Filter by host, state, URI, last pass or manager</source>
        <translation>Nach Host, Zustand, URI, letztem Durchlauf oder Verwalter filtern</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ImagesPanel</name>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Filter by name, id, format or status</source>
        <translation>Nach Name, ID, Format oder Status filtern</translation>
    </message>
    <message>
        <source>Glance images</source>
        <translation>Glance-Images</translation>
    </message>
    <message>
        <source>Cached on %1</source>
        <translation>Im Cache von %1</translation>
    </message>
    <message>
        <source>List the images of the cloud again</source>
        <translation>Die Images der Cloud neu auflisten</translation>
    </message>
    <message>
        <source>&amp;Launch from image…</source>
        <translation>Aus Image &amp;starten…</translation>
    </message>
    <message>
        <source>Open the launch wizard with the selected image on the current host</source>
        <translation>Den Startassistenten mit dem gewählten Image auf dem aktuellen Host öffnen</translation>
    </message>
    <message>
        <source>&amp;Pre-cache here</source>
        <translation>Hier &amp;vorab laden</translation>
    </message>
    <message>
        <source>Fetch the selected image into the _base of the current host without launching</source>
        <translation>Das gewählte Image in _base des aktuellen Hosts laden, ohne etwas zu starten</translation>
    </message>
    <message>
        <source>Pre-cache on &amp;hosts…</source>
        <translation>Auf &amp;Hosts vorab laden…</translation>
    </message>
    <message>
        <source>Fetch the selected image into the _base of several hosts at once, one task per host</source>
        <translation>Das gewählte Image gleichzeitig in _base mehrerer Hosts laden, eine Aufgabe je Host</translation>
    </message>
    <message>
        <source>&amp;Import image…</source>
        <translation>Image &amp;importieren…</translation>
    </message>
    <message>
        <source>Fetch a file, an archive member or a URL into the _base of the current host (Ctrl+I)</source>
        <translation>Eine Datei, ein Archivmitglied oder eine URL in _base des aktuellen Hosts laden (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <source>No cloud is configured. Add one to ~/.config/openstack/clouds.yaml (or ./clouds.yaml, /etc/openstack/clouds.yaml) or set the OS_* variables, then Refresh. Files, archives and URLs can be imported without a cloud: Import image…</source>
        <translation>Keine Cloud ist eingerichtet. Legen Sie eine in ~/.config/openstack/clouds.yaml (oder ./clouds.yaml, /etc/openstack/clouds.yaml) an oder setzen Sie die OS_*-Variablen, dann Aktualisieren. Dateien, Archive und URLs lassen sich ohne Cloud importieren: Image importieren…</translation>
    </message>
    <message>
        <source>Reading cloud %1…</source>
        <translation>Lese Cloud %1…</translation>
    </message>
    <message>
        <source>Fix the cloud&apos;s entry, then Refresh.</source>
        <translation>Korrigieren Sie den Eintrag der Cloud, dann Aktualisieren.</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Es wurde kein Passwort eingegeben.</translation>
    </message>
    <message>
        <source>Refresh to be asked again.</source>
        <translation>Aktualisieren fragt erneut.</translation>
    </message>
    <message>
        <source>The password of cloud %1 is not kept: %2. Cowherd asks for it again after a restart.</source>
        <translation>Das Passwort der Cloud %1 wird nicht aufbewahrt: %2. Cowherd fragt nach einem Neustart erneut.</translation>
    </message>
    <message>
        <source>the desktop keyring refused it (%1)</source>
        <translation>der Desktop-Schlüsselbund hat es abgelehnt (%1)</translation>
    </message>
    <message>
        <source>you chose not to keep it</source>
        <translation>Sie wollten es nicht aufbewahren</translation>
    </message>
    <message>
        <source>no desktop keyring can be reached (%1)</source>
        <translation>kein Desktop-Schlüsselbund ist erreichbar (%1)</translation>
    </message>
    <message>
        <source>Listing the images of cloud %1…</source>
        <translation>Liste die Images der Cloud %1 auf…</translation>
    </message>
    <message>
        <source>Check the user, project and password of the cloud (clouds.yaml, secure.yaml or the password you typed), then Refresh.</source>
        <translation>Prüfen Sie Benutzer, Projekt und Passwort der Cloud (clouds.yaml, secure.yaml oder das eingegebene Passwort), dann Aktualisieren.</translation>
    </message>
    <message>
        <source>Check that Glance is running and reachable from this computer, and that the cloud&apos;s endpoint is right, then Refresh.</source>
        <translation>Prüfen Sie, ob Glance läuft und von diesem Rechner erreichbar ist und ob der Endpunkt der Cloud stimmt, dann Aktualisieren.</translation>
    </message>
    <message>
        <source>Cloud %1 has no image this project can see.</source>
        <translation>Cloud %1 hat kein Image, das dieses Projekt sehen kann.</translation>
    </message>
    <message>
        <source>Cannot list the images of cloud %1: %2
%3</source>
        <translation>Die Images der Cloud %1 lassen sich nicht auflisten: %2
%3</translation>
    </message>
    <message>
        <source>Pre-cache %1 on %2</source>
        <translation>%1 auf %2 vorab laden</translation>
    </message>
    <message>
        <source>&amp;Refresh image list</source>
        <translation>Image-Liste &amp;aktualisieren</translation>
    </message>
    <message>
        <source>The password kept in the desktop keyring for this cloud was refused, so it was removed from the keyring: Refresh to type the right one.</source>
        <translation>Das im Schlüsselbund des Desktops gespeicherte Passwort dieser Cloud wurde abgelehnt und daher aus dem Schlüsselbund entfernt: Aktualisieren Sie, um das richtige einzugeben.</translation>
    </message>
    <message>
        <source>&amp;Forget saved password</source>
        <translation>Gespeichertes &amp;Passwort vergessen</translation>
    </message>
    <message>
        <source>Removing the password of cloud %1 from the desktop keyring…</source>
        <translation>Das Passwort der Cloud %1 wird aus dem Schlüsselbund des Desktops entfernt …</translation>
    </message>
    <message>
        <source>The password of cloud %1 was removed from the desktop keyring. Refresh asks for it again.</source>
        <translation>Das Passwort der Cloud %1 wurde aus dem Schlüsselbund des Desktops entfernt. Beim Aktualisieren wird erneut danach gefragt.</translation>
    </message>
    <message>
        <source>The desktop keyring holds no password for cloud %1: nothing to remove. Refresh asks for it again.</source>
        <translation>Der Schlüsselbund des Desktops enthält kein Passwort für die Cloud %1: Es gibt nichts zu entfernen. Beim Aktualisieren wird erneut danach gefragt.</translation>
    </message>
    <message>
        <source>The password of cloud %1 could not be removed: the desktop keyring cannot be reached (%2). Cowherd forgot its own copy; Refresh asks for it again.</source>
        <translation>Das Passwort der Cloud %1 konnte nicht entfernt werden: Der Schlüsselbund des Desktops ist nicht erreichbar (%2). Cowherd hat seine eigene Kopie vergessen; beim Aktualisieren wird erneut danach gefragt.</translation>
    </message>
    <message>
        <source>Forget saved password: remove the password of the selected cloud from the desktop keyring; the next Refresh asks for it</source>
        <translation>Gespeichertes Passwort vergessen: Das Passwort der gewählten Cloud aus dem Schlüsselbund des Desktops entfernen; beim nächsten Aktualisieren wird danach gefragt</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ImportDialog</name>
    <message>
        <source>&amp;Keep the image&apos;s format (do not convert to raw)</source>
        <translation>Das &amp;Format des Images behalten (nicht nach raw umwandeln)</translation>
    </message>
    <message>
        <source>Import an image into %1</source>
        <translation>Image in %1 importieren</translation>
    </message>
    <message>
        <source>The image is fetched into %1/_base on %2 as a task, named as “cowherdctl fetch” names it: a file by the sha256 of its content, a URL by its address or the sha256 you give.</source>
        <translation>Das Image wird als Aufgabe nach %1/_base auf %2 geladen und so benannt wie von „cowherdctl fetch“: eine Datei nach dem sha256 ihres Inhalts, eine URL nach ihrer Adresse oder dem angegebenen sha256.</translation>
    </message>
    <message>
        <source>Image source</source>
        <translation>Image-Quelle</translation>
    </message>
    <message>
        <source>/srv/images/disk.qcow2, disk.tar.xz!disk.qcow2 or https://…</source>
        <translation>/srv/images/disk.qcow2, disk.tar.xz!disk.qcow2 oder https://…</translation>
    </message>
    <message>
        <source>A disk image; a .gz, .xz, .zst or .bz2 image; a .tar, .zip or .ova archive, with !member to name the disk inside it; or an http(s) URL</source>
        <translation>Ein Datenträger-Image; ein .gz-, .xz-, .zst- oder .bz2-Image; ein .tar-, .zip- oder .ova-Archiv, mit !Mitglied für den Datenträger darin; oder eine http(s)-URL</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose an image file or archive</source>
        <translation>Image-Datei oder Archiv wählen</translation>
    </message>
    <message>
        <source>Choose an image or archive</source>
        <translation>Image oder Archiv wählen</translation>
    </message>
    <message>
        <source>Images and archives (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso *.gz *.xz *.zst *.bz2 *.tar *.tgz *.zip *.ova);;All files (*)</source>
        <translation>Images und Archive (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso *.gz *.xz *.zst *.bz2 *.tar *.tgz *.zip *.ova);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Expected sha256</source>
        <translation>Erwarteter sha256</translation>
    </message>
    <message>
        <source>optional: 64 hexadecimal digits</source>
        <translation>optional: 64 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>The sha256 the file or download must have (for an archive: of the archive file, as in a vendor&apos;s SHA256SUMS)</source>
        <translation>Der sha256, den die Datei oder der Download haben muss (bei einem Archiv: der der Archivdatei, wie in den SHA256SUMS eines Anbieters)</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>Zusätzliche CA-Zertifikate</translation>
    </message>
    <message>
        <source>optional: a PEM file for https; verification is never turned off</source>
        <translation>optional: eine PEM-Datei für https; die Prüfung wird nie abgeschaltet</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>sha&amp;256:</source>
        <translation>sha&amp;256:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Name a file, an archive (with !member) or a URL.</source>
        <translation>Nennen Sie eine Datei, ein Archiv (mit !Mitglied) oder eine URL.</translation>
    </message>
    <message>
        <source>Glance images are pre-cached from the list of their cloud, not imported.</source>
        <translation>Glance-Images werden aus der Liste ihrer Cloud vorab geladen, nicht importiert.</translation>
    </message>
    <message>
        <source>A sha256 has 64 hexadecimal digits.</source>
        <translation>Ein sha256 hat 64 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>A CA file only applies to https URLs.</source>
        <translation>Eine CA-Datei gilt nur für https-URLs.</translation>
    </message>
    <message>
        <source>Downloaded with TLS verification; the base file is named after the URL.</source>
        <translation>Mit TLS-Prüfung heruntergeladen; die Basisdatei wird nach der URL benannt.</translation>
    </message>
    <message>
        <source>Downloaded and checked against the sha256; the base file is named after it.</source>
        <translation>Heruntergeladen und gegen den sha256 geprüft; die Basisdatei wird danach benannt.</translation>
    </message>
    <message>
        <source>Read (and decompressed) on this computer, then copied to %1.</source>
        <translation>Auf diesem Rechner gelesen (und entpackt), dann nach %1 kopiert.</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::InstanceActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Start the selected instance (Ctrl+Shift+S)</source>
        <translation>Die ausgewählte Instanz einschalten (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Shut &amp;down</source>
        <translation>&amp;Herunterfahren</translation>
    </message>
    <message>
        <source>Ask the guest to power off; stop it after 60 s (Ctrl+Shift+D)</source>
        <translation>Den Gast zum Ausschalten auffordern; nach 60 s hart anhalten (Strg+Umschalt+D)</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>Ask the guest to reboot (Ctrl+Shift+B)</source>
        <translation>Den Gast zum Neustart auffordern (Strg+Umschalt+B)</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Stop, undefine and remove the instance; its base files stay (Shift+Del)</source>
        <translation>Die Instanz anhalten, ihre Definition und ihr Verzeichnis entfernen; ihre Basisdateien bleiben (Umschalt+Entf)</translation>
    </message>
    <message>
        <source>Open the instance&apos;s graphical console in %1 (Ctrl+Shift+O)</source>
        <translation>Die grafische Konsole der Instanz in %1 öffnen (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>Terminate %1 on %2?

The instance is stopped, undefined and its directory %3 removed. Its base files stay in the cache; an unused base file is only removed by a later cache pass.</source>
        <translation>%1 auf %2 löschen?

Die Instanz wird angehalten, ihre Definition entfernt und ihr Verzeichnis %3 gelöscht. Ihre Basisdateien bleiben im Cache; eine ungenutzte Basisdatei entfernt erst ein späterer Cache-Durchlauf.</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Pause the selected instance: its processors stop, its memory stays (Ctrl+Shift+U)</source>
        <translation>Die ausgewählte Instanz anhalten: Ihre Prozessoren stoppen, ihr Speicher bleibt erhalten (Strg+Umschalt+U)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Resume the paused instance (Ctrl+Shift+Y)</source>
        <translation>Die angehaltene Instanz fortsetzen (Strg+Umschalt+Y)</translation>
    </message>
    <message>
        <source>Open &amp;graphical console</source>
        <translation>&amp;Grafische Konsole öffnen</translation>
    </message>
    <message>
        <source>Open the instance&apos;s graphical console; needs virt-viewer (apt install virt-viewer) (Ctrl+Shift+O)</source>
        <translation>Die grafische Konsole der Instanz öffnen; benötigt virt-viewer (apt install virt-viewer) (Strg+Umschalt+O)</translation>
    </message>
    <message>
        <source>The graphical console opens in virt-viewer, which is not installed on this machine.

Install it with:
    sudo apt install virt-viewer

It reaches remote hosts itself, over the same SSH connection as libvirt.</source>
        <translation>Die grafische Konsole öffnet sich in virt-viewer, das auf diesem Rechner nicht installiert ist.

Installieren Sie es mit:
    sudo apt install virt-viewer

Entfernte Hosts erreicht es selbst, über dieselbe SSH-Verbindung wie libvirt.</translation>
    </message>
    <message>
        <source>virt-viewer is not installed</source>
        <translation>virt-viewer ist nicht installiert</translation>
    </message>
    <message>
        <source>Cannot start %1 for %2 on %3.</source>
        <translation>%1 kann für %2 auf %3 nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Graphical console</source>
        <translation>Grafische Konsole</translation>
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
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>Platte lesen</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>Platte schreiben</translation>
    </message>
    <message>
        <source>Server %1 of project %2
Flavor: %3
Image: %4</source>
        <translation>Server %1 des Projekts %2
Flavor: %3
Image: %4</translation>
    </message>
    <message>
        <source>none (booted from a volume)</source>
        <translation>keines (von einem Volume gestartet)</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::LaunchWizard</name>
    <message>
        <source>Launch an instance on %1</source>
        <translation>Eine Instanz auf %1 starten</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Launch from a base file already in the cache of %1, or from an image file.</source>
        <translation>Aus einer Basisdatei starten, die schon im Cache von %1 liegt, oder aus einer Image-Datei.</translation>
    </message>
    <message>
        <source>A base file in the &amp;cache</source>
        <translation>Eine Basisdatei im &amp;Cache</translation>
    </message>
    <message>
        <source>An image &amp;file</source>
        <translation>Eine &amp;Image-Datei</translation>
    </message>
    <message>
        <source>Cached image</source>
        <translation>Image im Cache</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4)</source>
        <translation>%1 — %2 (%3, %4)</translation>
    </message>
    <message>
        <source>No base file with a known image id</source>
        <translation>Keine Basisdatei mit bekannter Image-ID</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>Image-Datei</translation>
    </message>
    <message>
        <source>/srv/images/cirros.img</source>
        <translation>/srv/images/cirros.img</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>Image-Datei wählen</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Image wählen</translation>
    </message>
    <message>
        <source>Disk images (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso);;All files (*)</source>
        <translation>Disk-Images (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <source>The size of the root disk decides whether a resized base file is made.</source>
        <translation>Die Größe der Root-Disk entscheidet, ob eine vergrößerte Basisdatei angelegt wird.</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>Name der Instanz</translation>
    </message>
    <message>
        <source>Root disk size in GiB</source>
        <translation>Größe der Root-Disk in GiB</translation>
    </message>
    <message>
        <source>the image&apos;s own size</source>
        <translation>Größe des Images</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>Memory in MiB</source>
        <translation>Arbeitsspeicher in MiB</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Virtual CPUs</source>
        <translation>Virtuelle CPUs</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>user (NAT, no setup)</source>
        <translation>user (NAT, ohne Einrichtung)</translation>
    </message>
    <message>
        <source>none, user, or the name of a libvirt network</source>
        <translation>none, user oder der Name eines libvirt-Netzwerks</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Root disk &amp;size:</source>
        <translation>&amp;Größe der Root-Disk:</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>&amp;Arbeitsspeicher:</translation>
    </message>
    <message>
        <source>v&amp;CPUs:</source>
        <translation>v&amp;CPUs:</translation>
    </message>
    <message>
        <source>N&amp;etwork:</source>
        <translation>N&amp;etzwerk:</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>Was geschehen wird</translation>
    </message>
    <message>
        <source>Checked against the cache of %1 just now.</source>
        <translation>Soeben mit dem Cache von %1 abgeglichen.</translation>
    </message>
    <message>
        <source>What the launch will do</source>
        <translation>Was der Start tun wird</translation>
    </message>
    <message>
        <source>Looking at the cache of %1…</source>
        <translation>Cache von %1 wird angesehen…</translation>
    </message>
    <message>
        <source>Launch %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>From &amp;Glance: %1</source>
        <translation>Aus &amp;Glance: %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MainWindow</name>
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
        <source>Reading the host list…</source>
        <translation>Hostliste wird gelesen…</translation>
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
    <message>
        <source>&amp;Instance</source>
        <translation>&amp;Instanz</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;About Cowherd</source>
        <translation>&amp;Über Cowherd</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>The Glance images of each configured cloud, and whether the current host has them</source>
        <translation>Die Glance-Images jeder eingerichteten Cloud und ob der aktuelle Host sie hat</translation>
    </message>
    <message>
        <source>&amp;Glance images</source>
        <translation>&amp;Glance-Images</translation>
    </message>
    <message>
        <source>Show the images of the configured clouds</source>
        <translation>Die Images der eingerichteten Clouds zeigen</translation>
    </message>
    <message>
        <source>I&amp;mages</source>
        <translation>I&amp;mages</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MapScene</name>
    <message>
        <source>removable · %1</source>
        <translation>entfernbar · %1</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>Basisdateien</translation>
    </message>
    <message>
        <source>Resized</source>
        <translation>Vergrößert</translation>
    </message>
    <message>
        <source>Overlays (disks)</source>
        <translation>Overlays (Disks)</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>vergrößert</translation>
    </message>
    <message>
        <source>overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>shut off</source>
        <translation>ausgeschaltet</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>nicht definiert</translation>
    </message>
    <message>
        <source>removable now</source>
        <translation>jetzt entfernbar</translation>
    </message>
    <message>
        <source>Cowherd dependency map: base files, overlays and instances</source>
        <translation>Cowherd-Abhängigkeitskarte: Basisdateien, Overlays und Instanzen</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MapView</name>
    <message>
        <source>Dependency map</source>
        <translation>Abhängigkeitskarte</translation>
    </message>
    <message>
        <source>Base files, resized base files, overlays and instances, connected along their backing chains. Click a base file to see what depends on it.</source>
        <translation>Basisdateien, vergrößerte Basisdateien, Overlays und Instanzen, verbunden entlang ihrer Backing-Ketten. Klicken Sie auf eine Basisdatei, um zu sehen, was von ihr abhängt.</translation>
    </message>
    <message>
        <source>Find a base file, disk or instance</source>
        <translation>Basisdatei, Disk oder Instanz suchen</translation>
    </message>
    <message>
        <source>Find in the map</source>
        <translation>In der Karte suchen</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>Alle Hosts</translation>
    </message>
    <message>
        <source>Show every scanned host, not only the selected one</source>
        <translation>Jeden durchsuchten Host zeigen, nicht nur den ausgewählten</translation>
    </message>
    <message>
        <source>Show all hosts</source>
        <translation>Alle Hosts zeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Export Map…</source>
        <translation>Karte e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Nothing in the map matches “%1”.</source>
        <translation>Nichts in der Karte passt zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) match; press Enter to select the first.</source>
        <translation>
            <numerusform>%n Knoten passt; Eingabetaste wählt ihn aus.</numerusform>
            <numerusform>%n Knoten passen; Eingabetaste wählt den ersten aus.</numerusform>
        </translation>
    </message>
    <message>
        <source>No scan yet: the map appears when the host has been scanned.</source>
        <translation>Noch nicht durchsucht: Die Karte erscheint, sobald der Host durchsucht wurde.</translation>
    </message>
    <message>
        <source>Click a base file to see what its removal would affect; double-click a node to open it in its table.</source>
        <translation>Klicken Sie auf eine Basisdatei, um zu sehen, was ihr Entfernen beträfe; ein Doppelklick öffnet einen Knoten in seiner Tabelle.</translation>
    </message>
    <message>
        <source>Removing %1 would break no disk.</source>
        <translation>Das Entfernen von %1 würde keine Disk zerstören.</translation>
    </message>
    <message>
        <source>Removing %1 would break %2 of %3.</source>
        <translation>Das Entfernen von %1 würde %2 von %3 zerstören.</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation>
            <numerusform>%n Overlay</numerusform>
            <numerusform>%n Overlays</numerusform>
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
        <source>Cache pass: %1 — %2.</source>
        <translation>Cache-Durchlauf: %1 — %2.</translation>
    </message>
    <message>
        <source>%1 on %2: highlighted with the base files it stands on.</source>
        <translation>%1 auf %2: hervorgehoben mit den Basisdateien, auf denen es aufbaut.</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>Karte exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Cowherd dependency map</source>
        <translation>Cowherd-Abhängigkeitskarte</translation>
    </message>
    <message>
        <source>Map saved to %1.</source>
        <translation>Karte in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Fit to &amp;View</source>
        <translation>&amp;Einpassen</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::OverviewTabs</name>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Views of the selected host</source>
        <translation>Ansichten des ausgewählten Hosts</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::PrecacheDialog</name>
    <message>
        <source>Pre-cache %1</source>
        <translation>%1 vorab laden</translation>
    </message>
    <message>
        <source>Fetch image %1 into the _base of each chosen host as %2, one task per host, all at once. Hosts that have it already keep their copy.</source>
        <translation>Image %1 in _base jedes gewählten Hosts als %2 laden, eine Aufgabe je Host, alle gleichzeitig. Hosts, die es schon haben, behalten ihre Kopie.</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Hosts</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>noch nicht gescannt</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>im Cache</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>nicht im Cache</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Pre-cache</source>
        <translation>&amp;Vorab laden</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskDock</name>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>&amp;Cancel task</source>
        <translation>Aufgabe &amp;abbrechen</translation>
    </message>
    <message>
        <source>&amp;Retry task</source>
        <translation>Aufgabe &amp;wiederholen</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>&amp;Erledigte entfernen</translation>
    </message>
    <message>
        <source>Task centre</source>
        <translation>Aufgabenzentrale</translation>
    </message>
    <message>
        <source>Log of the selected task</source>
        <translation>Protokoll der ausgewählten Aufgabe</translation>
    </message>
    <message>
        <source>Select a task to see its log.</source>
        <translation>Wählen Sie eine Aufgabe, um ihr Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Stop the selected task (Ctrl+.)</source>
        <translation>Die ausgewählte Aufgabe anhalten (Strg+.)</translation>
    </message>
    <message>
        <source>Run the selected failed or cancelled task again</source>
        <translation>Die ausgewählte fehlgeschlagene oder abgebrochene Aufgabe erneut ausführen</translation>
    </message>
    <message>
        <source>Remove finished tasks from the list</source>
        <translation>Erledigte Aufgaben aus der Liste entfernen</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n laufend</numerusform>
            <numerusform>%n laufend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n erledigt</numerusform>
            <numerusform>%n erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Tasks — %1</source>
        <translation>Aufgaben — %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskModel</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskNotifier</name>
    <message>
        <source>Show task</source>
        <translation>Aufgabe zeigen</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Task failure notification</source>
        <translation>Meldung über eine fehlgeschlagene Aufgabe</translation>
    </message>
    <message>
        <source>Show the failed task</source>
        <translation>Die fehlgeschlagene Aufgabe zeigen</translation>
    </message>
    <message>
        <source>Dismiss the failure notification</source>
        <translation>Die Fehlermeldung ausblenden</translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <translation>%1 auf %2 fehlgeschlagen: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks failed. Last: %1</source>
        <translation>
            <numerusform>%n Aufgabe fehlgeschlagen. Zuletzt: %1</numerusform>
            <numerusform>%n Aufgaben fehlgeschlagen. Zuletzt: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TasksFeature</name>
    <message>
        <source>Serial console</source>
        <translation>Serielle Konsole</translation>
    </message>
    <message>
        <source>&amp;Launch…</source>
        <translation>&amp;Starten…</translation>
    </message>
    <message>
        <source>Launch an instance on the current host (Ctrl+N)</source>
        <translation>Eine Instanz auf dem aktuellen Host starten (Strg+N)</translation>
    </message>
    <message>
        <source>Reset &amp;demo lab…</source>
        <translation>&amp;Demo-Labor zurücksetzen…</translation>
    </message>
    <message>
        <source>Terminate the demo instances, remove the lab and fill it again</source>
        <translation>Die Demo-Instanzen löschen, das Labor entfernen und neu füllen</translation>
    </message>
    <message>
        <source>Fill the demo lab</source>
        <translation>Demo-Labor füllen</translation>
    </message>
    <message>
        <source>Reset the demo lab</source>
        <translation>Demo-Labor zurücksetzen</translation>
    </message>
    <message>
        <source>Terminate every instance of the demo lab, remove %1 with its base files, and fill it again with the two demo images?</source>
        <translation>Alle Instanzen des Demo-Labors löschen, %1 samt Basisdateien entfernen und es erneut mit den zwei Demo-Images füllen?</translation>
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
