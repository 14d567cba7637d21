<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CacheTasks</name>
    <message numerus="yes">
        <source>%n base file(s) verified</source>
        <translation>
            <numerusform>%n base file verified</numerusform>
            <numerusform>%n base files verified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) on %1 failed verification; see the log.</source>
        <translation>
            <numerusform>%n base file on %1 failed verification; see the log.</numerusform>
            <numerusform>%n base files on %1 failed verification; see the log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n vCPU</numerusform>
            <numerusform>%n vCPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InstanceTasks</name>
    <message numerus="yes">
        <source>A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPU(s), network: %3), which is defined and started on %4.</source>
        <translation>
            <numerusform>A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPU, network: %3), which is defined and started on %4.</numerusform>
            <numerusform>A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPUs, network: %3), which is defined and started on %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LastPasses</name>
    <message numerus="yes">
        <source>removed %n file(s) (%1)</source>
        <translation>
            <numerusform>removed %n file (%1)</numerusform>
            <numerusform>removed %n files (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n corrupt or unreadable file(s)</source>
        <translation>
            <numerusform>%n corrupt or unreadable file</numerusform>
            <numerusform>%n corrupt or unreadable files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapGraph</name>
    <message numerus="yes">
        <source>Referenced by %n instance(s)</source>
        <translation>
            <numerusform>Referenced by %n instance</numerusform>
            <numerusform>Referenced by %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n instance(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n instance</numerusform>
            <numerusform>%1 · %2 · %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n disk</numerusform>
            <numerusform>%n disks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CacheActions</name>
    <message numerus="yes">
        <source>%n base file(s) on %1 no longer match their recorded sha256 and are corrupt: %2. Instances using them may read bad data; fetch the image again and move them to it.</source>
        <translation>
            <numerusform>%n base file on %1 no longer matches its recorded sha256 and is corrupt: %2. Instances using it may read bad data; fetch the image again and move them to it.</numerusform>
            <numerusform>%n base files on %1 no longer match their recorded sha256 and are corrupt: %2. Instances using them may read bad data; fetch the image again and move them to it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::Dashboard</name>
    <message numerus="yes">
        <source>in %n base file(s)</source>
        <translation>
            <numerusform>in %n base file</numerusform>
            <numerusform>in %n base files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>%n file a cache pass would remove now</numerusform>
            <numerusform>%n files a cache pass would remove now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s) on the cache</source>
        <translation>
            <numerusform>%n overlay on the cache</numerusform>
            <numerusform>%n overlays on the cache</numerusform>
        </translation>
    </message>
</context>
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
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n instance</numerusform>
            <numerusform>%n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>%n file a cache pass would remove now</numerusform>
            <numerusform>%n files a cache pass would remove now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s), </source>
        <translation>
            <numerusform>%n base file, </numerusform>
            <numerusform>%n base files, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostsFeature</name>
    <message numerus="yes">
        <source>Scanned %1 at %2 in %3 s — %4 in %n base file(s)</source>
        <translation>
            <numerusform>Scanned %1 at %2 in %3 s — %4 in %n base file</numerusform>
            <numerusform>Scanned %1 at %2 in %3 s — %4 in %n base files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MapView</name>
    <message numerus="yes">
        <source>%n node(s) match; press Enter to select the first.</source>
        <translation>
            <numerusform>%n node matches; press Enter to select it.</numerusform>
            <numerusform>%n nodes match; press Enter to select the first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation>
            <numerusform>%n overlay</numerusform>
            <numerusform>%n overlays</numerusform>
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
    <name>cowherd::ui::TaskDock</name>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n running</numerusform>
            <numerusform>%n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n queued</numerusform>
            <numerusform>%n queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n finished</numerusform>
            <numerusform>%n finished</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskNotifier</name>
    <message numerus="yes">
        <source>%n tasks failed. Last: %1</source>
        <translation>
            <numerusform>%n task failed. Last: %1</numerusform>
            <numerusform>%n tasks failed. Last: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
