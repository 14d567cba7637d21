<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DisplayFormat</name>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>已调整大小</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>ephemeral</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>touch</source>
        <translation>更新时间戳</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>shutoff</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>未来</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>• %1</source>
        <translation>• %1</translation>
    </message>
    <message>
        <source>Local demo lab — %1 (no hypervisor)</source>
        <translation>本地演示实验室 — %1（无虚拟机管理程序）</translation>
    </message>
    <message>
        <source>Local demo lab — %1</source>
        <translation>本地演示实验室 — %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::AboutDialog</name>
    <message>
        <source>About Cowherd</source>
        <translation>关于 Cowherd</translation>
    </message>
    <message>
        <source>Cowherd</source>
        <translation>Cowherd</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Watches the image cache of KVM hosts and the copy-on-write instances built on it.</source>
        <translation>监视 KVM 主机的镜像缓存以及基于它的写时复制实例。</translation>
    </message>
    <message>
        <source>Licensed under %1. Built with Qt %2.</source>
        <translation>按 %1 许可发布。使用 Qt %2 构建。</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::BaseCacheModel</name>
    <message>
        <source>%1

Problems:
%2</source>
        <translation>%1

问题：
%2</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Virtual size</source>
        <translation>虚拟大小</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>使用数</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CleanupPlanModel</name>
    <message>
        <source>Base file</source>
        <translation>基础镜像文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CleanupPlanView</name>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Clean up now</source>
        <translation>立即清理(&amp;C)</translation>
    </message>
    <message>
        <source>Scan the sharing group and show what a pass would do, changing nothing.</source>
        <translation>扫描共享组并显示一次缓存清理将执行的操作，不做任何更改。</translation>
    </message>
    <message>
        <source>Touch base files in use and remove the unused ones under their locks.</source>
        <translation>更新正在使用的基础镜像文件的时间戳，并在持有其锁的情况下删除未使用的文件。</translation>
    </message>
    <message>
        <source>Nothing is removed in this sharing group: %1</source>
        <translation>此共享组中不会删除任何文件：%1</translation>
    </message>
    <message>
        <source>Removed %1 files (%2), touched %3, kept %4.</source>
        <translation>已删除 %1 个文件（%2），更新 %3 个，保留 %4 个。</translation>
    </message>
    <message>
        <source>Would remove %1 files (%2), touch %3, keep %4.</source>
        <translation>将删除 %1 个文件（%2），更新 %3 个，保留 %4 个。</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::DetailsPane</name>
    <message>
        <source>%1 virtual, %2 allocated</source>
        <translation>虚拟 %1，已分配 %2</translation>
    </message>
    <message>
        <source>Problems:
%1</source>
        <translation>问题：
%1</translation>
    </message>
    <message>
        <source>Select a base file or an instance to see its details.</source>
        <translation>选择一个基础镜像文件或实例以查看其详细信息。</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Virtual size:</source>
        <translation>虚拟大小：</translation>
    </message>
    <message>
        <source>Allocated:</source>
        <translation>已分配：</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>修改时间：</translation>
    </message>
    <message>
        <source>Image id:</source>
        <translation>镜像 ID：</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>目录：</translation>
    </message>
    <message>
        <source>Disk and backing chain</source>
        <translation>磁盘与后备链</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>%1 (of %2)</source>
        <translation>%1（源自 %2）</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>%1 on disk, %2 apparent</source>
        <translation>磁盘占用 %1，表观大小 %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No instance uses this base file.</source>
        <translation>没有实例使用此基础镜像文件。</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n instance(s):</source>
        <translation>
            <numerusform>被 %n 个实例使用：</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Show this instance</source>
        <translation>显示此实例</translation>
    </message>
    <message>
        <source>(not defined in libvirt)</source>
        <translation>（未在 libvirt 中定义）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>base file %1</source>
        <translation>基础镜像文件 %1</translation>
    </message>
    <message>
        <source>%1
Double-click to show this base file</source>
        <translation>%1
双击以显示此基础镜像文件</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostListModel</name>
    <message>
        <source>Local demo lab</source>
        <translation>本地演示实验室</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>scanning…</source>
        <translation>正在扫描…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n base file(s), </source>
        <translation>
            <numerusform>%1 · %n 个基础镜像文件，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
%2
Instances path: %3
State: %4</source>
        <translation>%1
%2
实例路径：%3
状态：%4</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>基础镜像文件</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostSidebar</name>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::InstanceModel</name>
    <message>
        <source>Problems:
%1</source>
        <translation>问题：
%1</translation>
    </message>
    <message>
        <source>(not defined)</source>
        <translation>（未定义）</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>基础镜像文件</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MainWindow</name>
    <message>
        <source>Scanning %1…</source>
        <translation>正在扫描 %1…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Scan every host again (F5)</source>
        <translation>重新扫描所有主机 (F5)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Filter by name, kind or format</source>
        <translation>按名称、类型或格式筛选</translation>
    </message>
    <message>
        <source>Filter by uuid, name, state or base file</source>
        <translation>按 UUID、名称、状态或基础镜像文件筛选</translation>
    </message>
    <message>
        <source>Base cache</source>
        <translation>基础镜像缓存</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Reading the host list…</source>
        <translation>正在读取主机列表…</translation>
    </message>
    <message numerus="yes">
        <source>Scanned %1 at %2 in %3 s — %4 in %n base file(s)</source>
        <translation>
            <numerusform>已于 %2 扫描 %1，用时 %3 秒 — %n 个基础镜像文件共 %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Scanning %1 failed</source>
        <translation>扫描 %1 失败</translation>
    </message>
    <message>
        <source>Cannot scan %1: %2</source>
        <translation>无法扫描 %1：%2</translation>
    </message>
    <message>
        <source>libvirt: %1</source>
        <translation>libvirt：%1</translation>
    </message>
    <message>
        <source>%1. No host is configured; add one with “cowherdctl hosts add NAME URI --instances-path PATH”.</source>
        <translation>%1。尚未配置主机；请使用“cowherdctl hosts add NAME URI --instances-path PATH”添加一个。</translation>
    </message>
    <message>
        <source>Base cache (%1)</source>
        <translation>基础镜像缓存 (%1)</translation>
    </message>
    <message>
        <source>Instances (%1)</source>
        <translation>实例 (%1)</translation>
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
        <translation>监视 KVM 主机的镜像缓存（_base）以及基于它的写时复制实例。</translation>
    </message>
    <message>
        <source>Read the host list from &lt;file&gt; instead of the default location.</source>
        <translation>从 &lt;文件&gt; 而不是默认位置读取主机列表。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Show the user interface in &lt;language&gt; (for example de or zh_CN) instead of the system&apos;s.</source>
        <translation>以 &lt;语言&gt;（例如 de 或 zh_CN）而非系统语言显示用户界面。</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
</context>
</TS>
