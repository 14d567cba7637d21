<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
        <translation>本机，系统 (qemu:///system)</translation>
    </message>
    <message>
        <source>This machine, session (qemu:///session)</source>
        <translation>本机，会话 (qemu:///session)</translation>
    </message>
    <message>
        <source>Test driver (test:///default)</source>
        <translation>测试驱动 (test:///default)</translation>
    </message>
    <message>
        <source>✔ %1: %2</source>
        <translation>✔ %1：%2</translation>
    </message>
    <message>
        <source>✘ %1: %2</source>
        <translation>✘ %1：%2</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>libvirt</source>
        <translation>libvirt</translation>
    </message>
    <message>
        <source>connected, KVM available</source>
        <translation>已连接，KVM 可用</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>qemu-img</source>
        <translation>qemu-img</translation>
    </message>
    <message>
        <source>not installed or not working</source>
        <translation>未安装或无法工作</translation>
    </message>
    <message>
        <source>write access to _base</source>
        <translation>对 _base 的写权限</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>free space</source>
        <translation>可用空间</translation>
    </message>
</context>
<context>
    <name>CacheTasks</name>
    <message>
        <source>scanning</source>
        <translation>正在扫描</translation>
    </message>
    <message>
        <source>Sharing group: %1</source>
        <translation>共享组：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Plan: %1 to remove (%2), %3 to touch, %4 to keep</source>
        <translation>计划：删除 %1 个（%2），更新 %3 个，保留 %4 个</translation>
    </message>
    <message>
        <source>Done: %1 removed (%2), %3 touched, %4 kept</source>
        <translation>完成：已删除 %1 个（%2），更新 %3 个，保留 %4 个</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) verified</source>
        <translation>
            <numerusform>已校验 %n 个基础镜像文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: %1</source>
        <translation>未删除任何文件：%1</translation>
    </message>
    <message>
        <source>hashing</source>
        <translation>正在计算哈希</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) on %1 failed verification; see the log.</source>
        <translation>
            <numerusform>%1 上有 %n 个基础镜像文件未通过校验；请查看日志。</numerusform>
        </translation>
    </message>
    <message>
        <source>No base file named %1 in %2 on %3.</source>
        <translation>%3 上的 %2 中没有名为 %1 的基础镜像文件。</translation>
    </message>
    <message>
        <source>Pinned %1: no cache pass removes it</source>
        <translation>已固定 %1：缓存清理不会删除它</translation>
    </message>
    <message>
        <source>Unpinned %1</source>
        <translation>已取消固定 %1</translation>
    </message>
    <message>
        <source>cowherd.conf (hosts/%1/cache_pass)</source>
        <translation>cowherd.conf（hosts/%1/cache_pass）</translation>
    </message>
    <message>
        <source>Rules: Nova&apos;s image cache manager, ages from %1</source>
        <translation>规则：Nova 的镜像缓存管理器，时限取自 %1</translation>
    </message>
    <message>
        <source>Rules: Cowherd&apos;s, ages from %1</source>
        <translation>规则：Cowherd 的规则，时限取自 %1</translation>
    </message>
    <message>
        <source>Nova manages this cache: planned only, nothing changed (%1 to remove by Nova&apos;s rules, %2).</source>
        <translation>此缓存由 Nova 管理：仅作规划，未做任何更改（按 Nova 的规则有 %1 个待删除，%2）。</translation>
    </message>
</context>
<context>
    <name>DemoLab</name>
    <message>
        <source>Cannot make a temporary directory for the demo images: %1</source>
        <translation>无法为演示镜像创建临时目录：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>镜像 %1</translation>
    </message>
    <message>
        <source>%1: base file %2 (image id %3)</source>
        <translation>%1：基础镜像文件 %2（镜像 ID %3）</translation>
    </message>
    <message>
        <source>%1 is not the demo lab; nothing was reset.</source>
        <translation>%1 不是演示实验室；未重置任何内容。</translation>
    </message>
    <message>
        <source>terminating instances</source>
        <translation>正在删除实例</translation>
    </message>
    <message>
        <source>Terminating %1</source>
        <translation>正在删除 %1</translation>
    </message>
    <message>
        <source>removing the lab</source>
        <translation>正在删除实验室</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>已删除 %1</translation>
    </message>
</context>
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
    <message>
        <source>hashing</source>
        <translation>正在计算哈希</translation>
    </message>
    <message>
        <source>waiting for the lock</source>
        <translation>正在等待锁</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>inspecting</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>converting</source>
        <translation>正在转换</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>pin</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>unpin</source>
        <translation>取消固定</translation>
    </message>
    <message>
        <source>advised (Nova manages the cache)</source>
        <translation>已给出建议（缓存由 Nova 管理）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s)</source>
        <translation>
            <numerusform>%n 个 vCPU</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 disk</source>
        <translation>%1 磁盘</translation>
    </message>
    <message>
        <source>unknown flavor</source>
        <translation>未知规格</translation>
    </message>
</context>
<context>
    <name>ImageTasks</name>
    <message>
        <source>%1 was cached on %2 already as %3.</source>
        <translation>%1 已在 %2 的缓存中，名为 %3。</translation>
    </message>
    <message>
        <source>%1 is cached on %2 as %3 (%4, %5).</source>
        <translation>%1 已缓存到 %2，名为 %3（%4，%5）。</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>opening</source>
        <translation>正在打开</translation>
    </message>
</context>
<context>
    <name>InstanceTasks</name>
    <message>
        <source>Cannot read %1 as a disk image.</source>
        <translation>无法将 %1 作为磁盘镜像读取。</translation>
    </message>
    <message>
        <source>%1 (raw, %2) will be fetched into the cache of %3 unless the same bytes are there already.</source>
        <translation>%1（raw，%2）将被获取到 %3 的缓存中，除非相同的数据已在其中。</translation>
    </message>
    <message>
        <source>%1 (%2, %3) will be fetched into the cache of %4 and converted to raw, unless the same bytes are there already.</source>
        <translation>%1（%2，%3）将被获取到 %4 的缓存中并转换为 raw 格式，除非相同的数据已在其中。</translation>
    </message>
    <message>
        <source>Refused: the image is larger than %1 GiB (%2); choose a larger size.</source>
        <translation>已拒绝：镜像大于 %1 GiB（%2）；请选择更大的大小。</translation>
    </message>
    <message>
        <source>Base file %1 exists and will be reused.</source>
        <translation>基础镜像文件 %1 已存在，将被复用。</translation>
    </message>
    <message>
        <source>A resized base file &lt;sha1&gt;_%1 will be made from it (or reused).</source>
        <translation>将由它创建调整大小后的基础镜像文件 &lt;sha1&gt;_%1（或复用已有文件）。</translation>
    </message>
    <message>
        <source>The resized base %1_%2 exists and will be reused.</source>
        <translation>调整大小后的基础镜像 %1_%2 已存在，将被复用。</translation>
    </message>
    <message>
        <source>A resized base %1_%2 will be made.</source>
        <translation>将创建调整大小后的基础镜像 %1_%2。</translation>
    </message>
    <message numerus="yes">
        <source>A qcow2 overlay on it becomes the disk of “%1” (%2 MiB, %n vCPU(s), network: %3), which is defined and started on %4.</source>
        <translation>
            <numerusform>基于它的 qcow2 覆盖层将成为“%1”（%2 MiB，%n 个 vCPU，网络：%3）的磁盘，该实例将在 %4 上定义并启动。</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>%1 (%2) is %3; base file %4%5</source>
        <translation>%1（%2）状态为 %3；基础镜像文件 %4%5</translation>
    </message>
    <message>
        <source>, reused</source>
        <translation>，已复用</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>waiting for power-off</source>
        <translation>正在等待关机</translation>
    </message>
    <message>
        <source>rebooting</source>
        <translation>正在重启</translation>
    </message>
    <message>
        <source>terminating</source>
        <translation>正在删除</translation>
    </message>
    <message>
        <source>Removed %1/%2; its base files stay in the cache.</source>
        <translation>已删除 %1/%2；其基础镜像文件保留在缓存中。</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 现在为 %2</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>启动 %1</translation>
    </message>
    <message>
        <source>Shut down %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <source>Reboot %1</source>
        <translation>重启 %1</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>%1 will be fetched from Glance into the cache of %2 as %3.</source>
        <translation>%1 将从 Glance 获取到 %2 的缓存中，名为 %3。</translation>
    </message>
    <message>
        <source>pausing</source>
        <translation>正在暂停</translation>
    </message>
    <message>
        <source>resuming</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>暂停 %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>恢复 %1</translation>
    </message>
</context>
<context>
    <name>LastPasses</name>
    <message>
        <source>blocked: nothing removed</source>
        <translation>已阻止：未删除任何文件</translation>
    </message>
    <message numerus="yes">
        <source>removed %n file(s) (%1)</source>
        <translation>
            <numerusform>已删除 %n 个文件（%1）</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to remove</source>
        <translation>无可删除的文件</translation>
    </message>
    <message numerus="yes">
        <source>%n corrupt or unreadable file(s)</source>
        <translation>
            <numerusform>%n 个损坏或无法读取的文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Nova manages this cache: advice only</source>
        <translation>此缓存由 Nova 管理：仅提供建议</translation>
    </message>
</context>
<context>
    <name>MapGraph</name>
    <message>
        <source>Host: %1</source>
        <translation>主机：%1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>类型：%1</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>格式：%1</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Virtual size: %1</source>
        <translation>虚拟大小：%1</translation>
    </message>
    <message>
        <source>On disk: %1</source>
        <translation>磁盘占用：%1</translation>
    </message>
    <message numerus="yes">
        <source>Referenced by %n instance(s)</source>
        <translation>
            <numerusform>被 %n 个实例引用</numerusform>
        </translation>
    </message>
    <message>
        <source>A cache pass would remove it now.</source>
        <translation>缓存清理现在会删除它。</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %n instance(s)</source>
        <translation>
            <numerusform>%1 · %2 · %n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation>UUID：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n disk(s)</source>
        <translation>
            <numerusform>%n 个磁盘</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 of %3</source>
        <translation>%1 · %2 / %3</translation>
    </message>
    <message>
        <source>Allocated: %1</source>
        <translation>已分配：%1</translation>
    </message>
    <message>
        <source>No backing file</source>
        <translation>无后备文件</translation>
    </message>
    <message>
        <source>Backing chain:</source>
        <translation>后备链：</translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>项目：%1</translation>
    </message>
    <message>
        <source>Flavor: %1</source>
        <translation>规格：%1</translation>
    </message>
</context>
<context>
    <name>ScreenshotHook</name>
    <message>
        <source>Verify %1 on %2</source>
        <translation>在 %2 上校验 %1</translation>
    </message>
    <message>
        <source>Launch %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>Cache pass on %1</source>
        <translation>在 %1 上进行缓存清理</translation>
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
    <name>cowherd::ui::AddHostDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>添加主机</translation>
    </message>
    <message>
        <source>from ~/.ssh/config</source>
        <translation>来自 ~/.ssh/config</translation>
    </message>
    <message>
        <source>lab3, or an alias from ~/.ssh/config</source>
        <translation>lab3，或 ~/.ssh/config 中的别名</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Test checks libvirt, the files over SSH, qemu-img, write access to _base and free space.</source>
        <translation>“测试”会检查 libvirt、通过 SSH 访问文件、qemu-img、对 _base 的写权限以及可用空间。</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>libvirt URI</source>
        <translation>libvirt URI</translation>
    </message>
    <message>
        <source>Instances path</source>
        <translation>实例路径</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>T&amp;ransport:</source>
        <translation>传输方式(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>libvirt &amp;URI:</source>
        <translation>libvirt URI(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Instances path:</source>
        <translation>实例路径(&amp;I)：</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
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
    <message>
        <source>Last verified %1</source>
        <translation>上次校验于 %1</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 前</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>已固定</translation>
    </message>
    <message>
        <source>never (corrupt)</source>
        <translation>从不（已损坏）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>MISMATCH</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>未校验</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>上次使用</translation>
    </message>
    <message>
        <source>Removable in</source>
        <translation>可删除于</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>已阻止</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CacheActions</name>
    <message>
        <source>Corrupt base files</source>
        <translation>已损坏的基础镜像文件</translation>
    </message>
    <message>
        <source>Cache &amp;pass…</source>
        <translation>缓存清理(&amp;P)…</translation>
    </message>
    <message>
        <source>Preview what a cache pass would remove, then run it (Ctrl+Shift+P)</source>
        <translation>预览缓存清理将删除的内容，然后执行 (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>&amp;Verify checksums</source>
        <translation>校验校验和(&amp;V)</translation>
    </message>
    <message>
        <source>Hash every base file of the host and compare with the recorded sha256 (Ctrl+Shift+V)</source>
        <translation>计算主机上每个基础镜像文件的哈希并与记录的 sha256 比较 (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>P&amp;in base file</source>
        <translation>固定基础镜像文件(&amp;I)</translation>
    </message>
    <message>
        <source>Verify checksums on %1</source>
        <translation>在 %1 上校验校验和</translation>
    </message>
    <message>
        <source>Pin %1</source>
        <translation>固定 %1</translation>
    </message>
    <message>
        <source>Unpin %1</source>
        <translation>取消固定 %1</translation>
    </message>
    <message>
        <source>Unp&amp;in base file</source>
        <translation>取消固定基础镜像文件(&amp;I)</translation>
    </message>
    <message>
        <source>Let cache passes remove this base file again when unused (Ctrl+Shift+I)</source>
        <translation>允许缓存清理在此基础镜像文件未被使用时再次删除它 (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Keep this base file forever, used or not (Ctrl+Shift+I)</source>
        <translation>永久保留此基础镜像文件，无论是否被使用 (Ctrl+Shift+I)</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s) on %1 no longer match their recorded sha256 and are corrupt: %2. Instances using them may read bad data; fetch the image again and move them to it.</source>
        <translation>
            <numerusform>%1 上有 %n 个基础镜像文件与记录的 sha256 不再一致，已损坏：%2。使用它们的实例可能读到错误数据；请重新获取镜像并将实例迁移到新镜像。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CachePassDialog</name>
    <message>
        <source>Cache pass on %1</source>
        <translation>在 %1 上进行缓存清理</translation>
    </message>
    <message>
        <source>What a cache pass would do in the sharing group of %1: base files in use are touched, unused ones older than the minimum age are removed under their lock.</source>
        <translation>缓存清理将在 %1 所在的共享组中执行的操作：更新正在使用的基础镜像文件的时间戳，在持有锁的情况下删除超过最短保留时间的未使用文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close, and stop a plan or pass that is still running</source>
        <translation>关闭，并停止仍在运行的计划或清理</translation>
    </message>
    <message>
        <source>Plan a cache pass on %1</source>
        <translation>规划 %1 上的缓存清理</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CachePassScheduler</name>
    <message>
        <source>Scheduled cache pass on %1</source>
        <translation>%1 上的定时缓存清理</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CacheViews</name>
    <message>
        <source>Filter by name, kind or format</source>
        <translation>按名称、类型或格式筛选</translation>
    </message>
    <message>
        <source>Base cache</source>
        <translation>基础镜像缓存</translation>
    </message>
    <message>
        <source>Filter by uuid, name, state or base file</source>
        <translation>按 UUID、名称、状态或基础镜像文件筛选</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Base cache (%1)</source>
        <translation>基础镜像缓存 (%1)</translation>
    </message>
    <message>
        <source>Instances (%1)</source>
        <translation>实例 (%1)</translation>
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
    <message>
        <source>Cowherd&apos;s advice</source>
        <translation>Cowherd 的建议</translation>
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
    <message>
        <source>Nova manages this cache: the plan follows Nova&apos;s image cache manager, ages from %1.</source>
        <translation>此缓存由 Nova 管理：本计划遵循 Nova 的镜像缓存管理器，时限取自 %1。</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudBrowser</name>
    <message>
        <source>%1 at %2</source>
        <translation>%2 上的 %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudKeyring</name>
    <message>
        <source>no keyring service answered</source>
        <translation>没有密钥环服务应答</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::CloudPasswordDialog</name>
    <message>
        <source>&amp;Keep it in the desktop keyring</source>
        <translation>保存到桌面密钥环(&amp;K)</translation>
    </message>
    <message>
        <source>Password for cloud %1</source>
        <translation>云 %1 的密码</translation>
    </message>
    <message>
        <source>Cloud %1 needs the password of %2; neither clouds.yaml, secure.yaml nor the OS_* variables give it.</source>
        <translation>云 %1 需要 %2 的密码；clouds.yaml、secure.yaml 和 OS_* 变量都没有提供。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The password cannot be kept: no desktop keyring answered (%1). Cowherd will ask again next time.</source>
        <translation>无法保存密码：没有桌面密钥环应答（%1）。下次 Cowherd 会再次询问。</translation>
    </message>
    <message>
        <source>Without the keyring, Cowherd asks again after it is restarted. The password is never written to a file or a log.</source>
        <translation>不使用密钥环时，Cowherd 重启后会再次询问。密码绝不会写入文件或日志。</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ConsolePane</name>
    <message>
        <source>Serial console</source>
        <translation>串行控制台</translation>
    </message>
    <message>
        <source>Select an instance to follow its serial console.</source>
        <translation>选择一个实例以跟踪其串行控制台。</translation>
    </message>
    <message>
        <source>No instance selected</source>
        <translation>未选择实例</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot read the console log: %1</source>
        <translation>无法读取控制台日志：%1</translation>
    </message>
    <message>
        <source>%1 — %2 on %3</source>
        <translation>%1 — %2（位于 %3）</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::Dashboard</name>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>Show figures for all hosts</source>
        <translation>显示所有主机的数据</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>缓存大小</translation>
    </message>
    <message>
        <source>Reclaimable now</source>
        <translation>当前可回收</translation>
    </message>
    <message>
        <source>Copy-on-write saves</source>
        <translation>写时复制节省</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Instances per base file</source>
        <translation>每个基础镜像文件的实例数</translation>
    </message>
    <message>
        <source>Cache by kind</source>
        <translation>按类型划分的缓存</translation>
    </message>
    <message>
        <source>Base file</source>
        <translation>基础镜像文件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Largest base files</source>
        <translation>最大的基础镜像文件</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recent cache passes</source>
        <translation>最近的缓存清理</translation>
    </message>
    <message>
        <source>All hosts (%1)</source>
        <translation>所有主机 (%1)</translation>
    </message>
    <message>
        <source>No host scanned yet</source>
        <translation>尚未扫描任何主机</translation>
    </message>
    <message numerus="yes">
        <source>in %n base file(s)</source>
        <translation>
            <numerusform>共 %n 个基础镜像文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>缓存清理现在会删除 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 as full copies, %2 with shared base files</source>
        <translation>完整复制需 %1，共享基础镜像文件仅需 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s) on the cache</source>
        <translation>
            <numerusform>基于缓存的 %n 个覆盖层</numerusform>
        </translation>
    </message>
    <message>
        <source>No cache pass recorded yet</source>
        <translation>尚无缓存清理记录</translation>
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
    <message>
        <source>Project:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Flavor:</source>
        <translation>规格：</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>镜像：</translation>
    </message>
    <message>
        <source>none (booted from a volume)</source>
        <translation>无（从卷启动）</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::FiguresPlot</name>
    <message>
        <source>CPU use over time</source>
        <translation>CPU 使用率随时间变化</translation>
    </message>
    <message>
        <source>No live figures: the instance is not running or the Instances tab is hidden.</source>
        <translation>无实时数据：实例未运行，或“实例”标签页已隐藏。</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>CPU %1 · memory %2 · disk read %3, write %4</source>
        <translation>CPU %1 · 内存 %2 · 磁盘读取 %3，写入 %4</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::GlanceImageModel</name>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>not scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 holds this image as base file %2</source>
        <translation>%1 已将此镜像保存为基础镜像文件 %2</translation>
    </message>
    <message>
        <source>No base file %1 on %2</source>
        <translation>%2 上没有基础镜像文件 %1</translation>
    </message>
    <message>
        <source>Only active images can be fetched; this one is %1.</source>
        <translation>只能获取处于 active 状态的镜像；此镜像为 %1。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Disk format</source>
        <translation>磁盘格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>可见性</translation>
    </message>
    <message>
        <source>Cached on this host</source>
        <translation>已缓存在此主机</translation>
    </message>
    <message>
        <source>Cached on %1</source>
        <translation>已缓存在 %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostConnections</name>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>reconnecting (attempt %1)</source>
        <translation>正在重新连接（第 %1 次尝试）</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
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
    <message>
        <source>libvirt: %1</source>
        <translation>libvirt：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) a cache pass would remove now</source>
        <translation>
            <numerusform>缓存清理现在会删除的 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Last cache pass: %1, %2</source>
        <translation>上次缓存清理：%1，%2</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>%1 ago · %2</source>
        <translation>%1前 · %2</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>缓存大小</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>可回收</translation>
    </message>
    <message>
        <source>Last cache pass</source>
        <translation>上次缓存清理</translation>
    </message>
    <message>
        <source>This _base is shared with %1: the figure is the whole group&apos;s, planned on the instances of all its hosts. Count it once, not once per host.</source>
        <translation>此 _base 与 %1 共享：该数值属于整个共享组，按组内所有主机的实例规划。请只计一次，不要按主机重复计算。</translation>
    </message>
    <message>
        <source>%1 · shared</source>
        <translation>%1 · 共享</translation>
    </message>
    <message numerus="yes">
        <source>%n base file(s), </source>
        <translation>
            <numerusform>%n 个基础镜像文件，</numerusform>
        </translation>
    </message>
    <message>
        <source>Nova · %1 · %2</source>
        <translation>Nova · %1 · %2</translation>
    </message>
    <message>
        <source>Nova (Cowherd may write)</source>
        <translation>Nova（Cowherd 可写入）</translation>
    </message>
    <message>
        <source>Nova (advice only)</source>
        <translation>Nova（仅建议）</translation>
    </message>
    <message>
        <source>Cowherd</source>
        <translation>Cowherd</translation>
    </message>
    <message>
        <source>Managed by: %1 (%2)</source>
        <translation>管理方：%1（%2）</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>管理方</translation>
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
    <name>cowherd::ui::HostsFeature</name>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
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
        <source>&amp;Add host…</source>
        <translation>添加主机(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a hypervisor by its libvirt URI and test what works</source>
        <translation>通过 libvirt URI 添加虚拟机管理程序并测试哪些功能可用</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>All &amp;hosts</source>
        <translation>所有主机(&amp;H)</translation>
    </message>
    <message>
        <source>Every host at a glance: connection, cache size, reclaimable bytes, last cache pass</source>
        <translation>所有主机一览：连接、缓存大小、可回收空间、上次缓存清理</translation>
    </message>
    <message>
        <source>Add host</source>
        <translation>添加主机</translation>
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
        <source>%1. No host is configured; add one with File › Add host… or on the command line with “cowherdctl hosts add NAME URI --instances-path PATH”.</source>
        <translation>%1。尚未配置主机；请通过“文件 › 添加主机…”添加，或在命令行中使用“cowherdctl hosts add NAME URI --instances-path PATH”添加。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>libvirt on %1 cannot be followed: %2</source>
        <translation>无法跟踪 %1 上的 libvirt：%2</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::HostsOverview</name>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Filter by host, state, URI, last pass or manager</source>
        <translation>按主机、状态、URI、上次清理或管理方筛选</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ImagesPanel</name>
    <message>
        <source>Cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>Filter by name, id, format or status</source>
        <translation>按名称、ID、格式或状态筛选</translation>
    </message>
    <message>
        <source>Glance images</source>
        <translation>Glance 镜像</translation>
    </message>
    <message>
        <source>Cached on %1</source>
        <translation>已缓存在 %1</translation>
    </message>
    <message>
        <source>List the images of the cloud again</source>
        <translation>重新列出云中的镜像</translation>
    </message>
    <message>
        <source>&amp;Launch from image…</source>
        <translation>从镜像创建(&amp;L)…</translation>
    </message>
    <message>
        <source>Open the launch wizard with the selected image on the current host</source>
        <translation>在当前主机上以所选镜像打开创建向导</translation>
    </message>
    <message>
        <source>&amp;Pre-cache here</source>
        <translation>在此预缓存(&amp;P)</translation>
    </message>
    <message>
        <source>Fetch the selected image into the _base of the current host without launching</source>
        <translation>将所选镜像获取到当前主机的 _base 中，不创建实例</translation>
    </message>
    <message>
        <source>Pre-cache on &amp;hosts…</source>
        <translation>在多台主机上预缓存(&amp;H)…</translation>
    </message>
    <message>
        <source>Fetch the selected image into the _base of several hosts at once, one task per host</source>
        <translation>同时将所选镜像获取到多台主机的 _base 中，每台主机一个任务</translation>
    </message>
    <message>
        <source>&amp;Import image…</source>
        <translation>导入镜像(&amp;I)…</translation>
    </message>
    <message>
        <source>Fetch a file, an archive member or a URL into the _base of the current host (Ctrl+I)</source>
        <translation>将文件、归档成员或 URL 获取到当前主机的 _base 中（Ctrl+I）</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云(&amp;C)：</translation>
    </message>
    <message>
        <source>No cloud is configured. Add one to ~/.config/openstack/clouds.yaml (or ./clouds.yaml, /etc/openstack/clouds.yaml) or set the OS_* variables, then Refresh. Files, archives and URLs can be imported without a cloud: Import image…</source>
        <translation>尚未配置云。请在 ~/.config/openstack/clouds.yaml（或 ./clouds.yaml、/etc/openstack/clouds.yaml）中添加，或设置 OS_* 变量，然后刷新。无需云也可导入文件、归档和 URL：导入镜像…</translation>
    </message>
    <message>
        <source>Reading cloud %1…</source>
        <translation>正在读取云 %1…</translation>
    </message>
    <message>
        <source>Fix the cloud&apos;s entry, then Refresh.</source>
        <translation>请修正该云的配置项，然后刷新。</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>未输入密码。</translation>
    </message>
    <message>
        <source>Refresh to be asked again.</source>
        <translation>刷新后会再次询问。</translation>
    </message>
    <message>
        <source>The password of cloud %1 is not kept: %2. Cowherd asks for it again after a restart.</source>
        <translation>云 %1 的密码未保存：%2。Cowherd 重启后会再次询问。</translation>
    </message>
    <message>
        <source>the desktop keyring refused it (%1)</source>
        <translation>桌面密钥环拒绝了保存（%1）</translation>
    </message>
    <message>
        <source>you chose not to keep it</source>
        <translation>您选择不保存</translation>
    </message>
    <message>
        <source>no desktop keyring can be reached (%1)</source>
        <translation>无法连接任何桌面密钥环（%1）</translation>
    </message>
    <message>
        <source>Listing the images of cloud %1…</source>
        <translation>正在列出云 %1 的镜像…</translation>
    </message>
    <message>
        <source>Check the user, project and password of the cloud (clouds.yaml, secure.yaml or the password you typed), then Refresh.</source>
        <translation>请检查该云的用户、项目和密码（clouds.yaml、secure.yaml 或您输入的密码），然后刷新。</translation>
    </message>
    <message>
        <source>Check that Glance is running and reachable from this computer, and that the cloud&apos;s endpoint is right, then Refresh.</source>
        <translation>请检查 Glance 是否在运行、能否从本机访问，以及该云的端点是否正确，然后刷新。</translation>
    </message>
    <message>
        <source>Cloud %1 has no image this project can see.</source>
        <translation>云 %1 中没有此项目可见的镜像。</translation>
    </message>
    <message>
        <source>Cannot list the images of cloud %1: %2
%3</source>
        <translation>无法列出云 %1 的镜像：%2
%3</translation>
    </message>
    <message>
        <source>Pre-cache %1 on %2</source>
        <translation>在 %2 上预缓存 %1</translation>
    </message>
    <message>
        <source>&amp;Refresh image list</source>
        <translation>刷新镜像列表(&amp;R)</translation>
    </message>
    <message>
        <source>The password kept in the desktop keyring for this cloud was refused, so it was removed from the keyring: Refresh to type the right one.</source>
        <translation>桌面密钥环中保存的此云密码被拒绝，已从密钥环中删除：请刷新并输入正确的密码。</translation>
    </message>
    <message>
        <source>&amp;Forget saved password</source>
        <translation>忘记已保存的密码(&amp;F)</translation>
    </message>
    <message>
        <source>Removing the password of cloud %1 from the desktop keyring…</source>
        <translation>正在从桌面密钥环中删除云 %1 的密码…</translation>
    </message>
    <message>
        <source>The password of cloud %1 was removed from the desktop keyring. Refresh asks for it again.</source>
        <translation>已从桌面密钥环中删除云 %1 的密码。刷新时会再次询问。</translation>
    </message>
    <message>
        <source>The desktop keyring holds no password for cloud %1: nothing to remove. Refresh asks for it again.</source>
        <translation>桌面密钥环中没有云 %1 的密码：无需删除。刷新时会再次询问。</translation>
    </message>
    <message>
        <source>The password of cloud %1 could not be removed: the desktop keyring cannot be reached (%2). Cowherd forgot its own copy; Refresh asks for it again.</source>
        <translation>无法删除云 %1 的密码：无法访问桌面密钥环（%2）。Cowherd 已忘记自己保存的副本；刷新时会再次询问。</translation>
    </message>
    <message>
        <source>Forget saved password: remove the password of the selected cloud from the desktop keyring; the next Refresh asks for it</source>
        <translation>忘记已保存的密码：从桌面密钥环中删除所选云的密码；下次刷新时会再次询问</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::ImportDialog</name>
    <message>
        <source>&amp;Keep the image&apos;s format (do not convert to raw)</source>
        <translation>保留镜像格式（不转换为 raw）(&amp;K)</translation>
    </message>
    <message>
        <source>Import an image into %1</source>
        <translation>导入镜像到 %1</translation>
    </message>
    <message>
        <source>The image is fetched into %1/_base on %2 as a task, named as “cowherdctl fetch” names it: a file by the sha256 of its content, a URL by its address or the sha256 you give.</source>
        <translation>镜像将作为任务获取到 %2 上的 %1/_base 中，命名方式与“cowherdctl fetch”相同：文件按其内容的 sha256 命名，URL 按其地址或您给出的 sha256 命名。</translation>
    </message>
    <message>
        <source>Image source</source>
        <translation>镜像来源</translation>
    </message>
    <message>
        <source>/srv/images/disk.qcow2, disk.tar.xz!disk.qcow2 or https://…</source>
        <translation>/srv/images/disk.qcow2、disk.tar.xz!disk.qcow2 或 https://…</translation>
    </message>
    <message>
        <source>A disk image; a .gz, .xz, .zst or .bz2 image; a .tar, .zip or .ova archive, with !member to name the disk inside it; or an http(s) URL</source>
        <translation>磁盘镜像；.gz、.xz、.zst 或 .bz2 压缩的镜像；.tar、.zip 或 .ova 归档（用 !成员 指定其中的磁盘）；或 http(s) URL</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose an image file or archive</source>
        <translation>选择镜像文件或归档</translation>
    </message>
    <message>
        <source>Choose an image or archive</source>
        <translation>选择镜像或归档</translation>
    </message>
    <message>
        <source>Images and archives (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso *.gz *.xz *.zst *.bz2 *.tar *.tgz *.zip *.ova);;All files (*)</source>
        <translation>镜像和归档 (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso *.gz *.xz *.zst *.bz2 *.tar *.tgz *.zip *.ova);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Expected sha256</source>
        <translation>预期的 sha256</translation>
    </message>
    <message>
        <source>optional: 64 hexadecimal digits</source>
        <translation>可选：64 位十六进制数字</translation>
    </message>
    <message>
        <source>The sha256 the file or download must have (for an archive: of the archive file, as in a vendor&apos;s SHA256SUMS)</source>
        <translation>文件或下载内容必须具有的 sha256（对于归档：指归档文件本身，如供应商的 SHA256SUMS）</translation>
    </message>
    <message>
        <source>Extra CA certificates</source>
        <translation>额外的 CA 证书</translation>
    </message>
    <message>
        <source>optional: a PEM file for https; verification is never turned off</source>
        <translation>可选：用于 https 的 PEM 文件；证书验证永不关闭</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>sha&amp;256:</source>
        <translation>sha256(&amp;2)：</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>CA 文件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Name a file, an archive (with !member) or a URL.</source>
        <translation>请指定文件、归档（带 !成员）或 URL。</translation>
    </message>
    <message>
        <source>Glance images are pre-cached from the list of their cloud, not imported.</source>
        <translation>Glance 镜像应从其云的列表中预缓存，而不是导入。</translation>
    </message>
    <message>
        <source>A sha256 has 64 hexadecimal digits.</source>
        <translation>sha256 为 64 位十六进制数字。</translation>
    </message>
    <message>
        <source>A CA file only applies to https URLs.</source>
        <translation>CA 文件仅适用于 https URL。</translation>
    </message>
    <message>
        <source>Downloaded with TLS verification; the base file is named after the URL.</source>
        <translation>下载时进行 TLS 验证；基础镜像文件按 URL 命名。</translation>
    </message>
    <message>
        <source>Downloaded and checked against the sha256; the base file is named after it.</source>
        <translation>下载后按 sha256 校验；基础镜像文件按其命名。</translation>
    </message>
    <message>
        <source>Read (and decompressed) on this computer, then copied to %1.</source>
        <translation>在本机读取（并解压），然后复制到 %1。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::InstanceActions</name>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>Start the selected instance (Ctrl+Shift+S)</source>
        <translation>启动所选实例 (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Shut &amp;down</source>
        <translation>关机(&amp;D)</translation>
    </message>
    <message>
        <source>Ask the guest to power off; stop it after 60 s (Ctrl+Shift+D)</source>
        <translation>请求客户机关机；60 秒后强制停止 (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Re&amp;boot</source>
        <translation>重启(&amp;B)</translation>
    </message>
    <message>
        <source>Ask the guest to reboot (Ctrl+Shift+B)</source>
        <translation>请求客户机重启 (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>&amp;Terminate…</source>
        <translation>删除(&amp;T)…</translation>
    </message>
    <message>
        <source>Stop, undefine and remove the instance; its base files stay (Shift+Del)</source>
        <translation>停止、取消定义并删除实例；其基础镜像文件保留 (Shift+Del)</translation>
    </message>
    <message>
        <source>Open the instance&apos;s graphical console in %1 (Ctrl+Shift+O)</source>
        <translation>在 %1 中打开实例的图形控制台 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Terminate %1 on %2?

The instance is stopped, undefined and its directory %3 removed. Its base files stay in the cache; an unused base file is only removed by a later cache pass.</source>
        <translation>删除 %2 上的 %1？

实例将被停止、取消定义，其目录 %3 将被删除。其基础镜像文件保留在缓存中；未使用的基础镜像文件只会在之后的缓存清理中删除。</translation>
    </message>
    <message>
        <source>Terminate %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Pause the selected instance: its processors stop, its memory stays (Ctrl+Shift+U)</source>
        <translation>暂停所选实例：其处理器停止，内存保留 (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Resume the paused instance (Ctrl+Shift+Y)</source>
        <translation>恢复已暂停的实例 (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>Open &amp;graphical console</source>
        <translation>打开图形控制台(&amp;G)</translation>
    </message>
    <message>
        <source>Open the instance&apos;s graphical console; needs virt-viewer (apt install virt-viewer) (Ctrl+Shift+O)</source>
        <translation>打开实例的图形控制台；需要 virt-viewer（apt install virt-viewer）(Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>The graphical console opens in virt-viewer, which is not installed on this machine.

Install it with:
    sudo apt install virt-viewer

It reaches remote hosts itself, over the same SSH connection as libvirt.</source>
        <translation>图形控制台在 virt-viewer 中打开，但本机未安装 virt-viewer。

请用以下命令安装：
    sudo apt install virt-viewer

它会自行连接远程主机，使用与 libvirt 相同的 SSH 连接。</translation>
    </message>
    <message>
        <source>virt-viewer is not installed</source>
        <translation>未安装 virt-viewer</translation>
    </message>
    <message>
        <source>Cannot start %1 for %2 on %3.</source>
        <translation>无法为 %3 上的 %2 启动 %1。</translation>
    </message>
    <message>
        <source>Graphical console</source>
        <translation>图形控制台</translation>
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
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Disk read</source>
        <translation>磁盘读取</translation>
    </message>
    <message>
        <source>Disk write</source>
        <translation>磁盘写入</translation>
    </message>
    <message>
        <source>Server %1 of project %2
Flavor: %3
Image: %4</source>
        <translation>项目 %2 的服务器 %1
规格：%3
镜像：%4</translation>
    </message>
    <message>
        <source>none (booted from a volume)</source>
        <translation>无（从卷启动）</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::LaunchWizard</name>
    <message>
        <source>Launch an instance on %1</source>
        <translation>在 %1 上创建实例</translation>
    </message>
    <message>
        <source>&amp;Launch</source>
        <translation>创建(&amp;L)</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Launch from a base file already in the cache of %1, or from an image file.</source>
        <translation>从 %1 缓存中已有的基础镜像文件或从镜像文件创建。</translation>
    </message>
    <message>
        <source>A base file in the &amp;cache</source>
        <translation>缓存中的基础镜像文件(&amp;C)</translation>
    </message>
    <message>
        <source>An image &amp;file</source>
        <translation>镜像文件(&amp;F)</translation>
    </message>
    <message>
        <source>Cached image</source>
        <translation>已缓存的镜像</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4)</source>
        <translation>%1 — %2（%3，%4）</translation>
    </message>
    <message>
        <source>No base file with a known image id</source>
        <translation>没有已知镜像 ID 的基础镜像文件</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>镜像文件</translation>
    </message>
    <message>
        <source>/srv/images/cirros.img</source>
        <translation>/srv/images/cirros.img</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose an image file</source>
        <translation>选择镜像文件</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>选择镜像</translation>
    </message>
    <message>
        <source>Disk images (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso);;All files (*)</source>
        <translation>磁盘镜像 (*.img *.raw *.qcow2 *.vmdk *.vdi *.vhd *.vhdx *.iso);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>The size of the root disk decides whether a resized base file is made.</source>
        <translation>根磁盘的大小决定是否创建调整大小后的基础镜像文件。</translation>
    </message>
    <message>
        <source>Instance name</source>
        <translation>实例名称</translation>
    </message>
    <message>
        <source>Root disk size in GiB</source>
        <translation>根磁盘大小（GiB）</translation>
    </message>
    <message>
        <source>the image&apos;s own size</source>
        <translation>镜像自身大小</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> GiB</translation>
    </message>
    <message>
        <source>Memory in MiB</source>
        <translation>内存（MiB）</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Virtual CPUs</source>
        <translation>虚拟 CPU</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>user (NAT, no setup)</source>
        <translation>user（NAT，无需配置）</translation>
    </message>
    <message>
        <source>none, user, or the name of a libvirt network</source>
        <translation>none、user 或 libvirt 网络的名称</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Root disk &amp;size:</source>
        <translation>根磁盘大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Memory:</source>
        <translation>内存(&amp;M)：</translation>
    </message>
    <message>
        <source>v&amp;CPUs:</source>
        <translation>vCPU(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;etwork:</source>
        <translation>网络(&amp;E)：</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>将要发生的事</translation>
    </message>
    <message>
        <source>Checked against the cache of %1 just now.</source>
        <translation>刚刚已与 %1 的缓存核对。</translation>
    </message>
    <message>
        <source>What the launch will do</source>
        <translation>创建时将执行的操作</translation>
    </message>
    <message>
        <source>Looking at the cache of %1…</source>
        <translation>正在查看 %1 的缓存…</translation>
    </message>
    <message>
        <source>Launch %1</source>
        <translation>创建 %1</translation>
    </message>
    <message>
        <source>From &amp;Glance: %1</source>
        <translation>来自 Glance(&amp;G)：%1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MainWindow</name>
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
        <source>Reading the host list…</source>
        <translation>正在读取主机列表…</translation>
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
        <translation>实例(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>缓存(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;About Cowherd</source>
        <translation>关于 Cowherd(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>The Glance images of each configured cloud, and whether the current host has them</source>
        <translation>每个已配置云的 Glance 镜像，以及当前主机是否已缓存</translation>
    </message>
    <message>
        <source>&amp;Glance images</source>
        <translation>Glance 镜像(&amp;G)</translation>
    </message>
    <message>
        <source>Show the images of the configured clouds</source>
        <translation>显示已配置云的镜像</translation>
    </message>
    <message>
        <source>I&amp;mages</source>
        <translation>镜像(&amp;M)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MapScene</name>
    <message>
        <source>removable · %1</source>
        <translation>可删除 · %1</translation>
    </message>
    <message>
        <source>Base files</source>
        <translation>基础镜像文件</translation>
    </message>
    <message>
        <source>Resized</source>
        <translation>已调整大小</translation>
    </message>
    <message>
        <source>Overlays (disks)</source>
        <translation>覆盖层（磁盘）</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>resized</source>
        <translation>已调整大小</translation>
    </message>
    <message>
        <source>overlay</source>
        <translation>覆盖层</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>未定义</translation>
    </message>
    <message>
        <source>removable now</source>
        <translation>现在可删除</translation>
    </message>
    <message>
        <source>Cowherd dependency map: base files, overlays and instances</source>
        <translation>Cowherd 依赖关系图：基础镜像文件、覆盖层和实例</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::MapView</name>
    <message>
        <source>Dependency map</source>
        <translation>依赖关系图</translation>
    </message>
    <message>
        <source>Base files, resized base files, overlays and instances, connected along their backing chains. Click a base file to see what depends on it.</source>
        <translation>基础镜像文件、调整大小后的基础镜像文件、覆盖层和实例，按后备链相连。单击基础镜像文件可查看依赖它的内容。</translation>
    </message>
    <message>
        <source>Find a base file, disk or instance</source>
        <translation>查找基础镜像文件、磁盘或实例</translation>
    </message>
    <message>
        <source>Find in the map</source>
        <translation>在图中查找</translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>Show every scanned host, not only the selected one</source>
        <translation>显示所有已扫描的主机，而不仅是所选主机</translation>
    </message>
    <message>
        <source>Show all hosts</source>
        <translation>显示所有主机</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Export Map…</source>
        <translation>导出图(&amp;E)…</translation>
    </message>
    <message>
        <source>Nothing in the map matches “%1”.</source>
        <translation>图中没有与“%1”匹配的内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) match; press Enter to select the first.</source>
        <translation>
            <numerusform>%n 个节点匹配；按 Enter 选择第一个。</numerusform>
        </translation>
    </message>
    <message>
        <source>No scan yet: the map appears when the host has been scanned.</source>
        <translation>尚未扫描：主机扫描完成后将显示此图。</translation>
    </message>
    <message>
        <source>Click a base file to see what its removal would affect; double-click a node to open it in its table.</source>
        <translation>单击基础镜像文件可查看删除它会影响什么；双击节点可在其表格中打开。</translation>
    </message>
    <message>
        <source>Removing %1 would break no disk.</source>
        <translation>删除 %1 不会破坏任何磁盘。</translation>
    </message>
    <message>
        <source>Removing %1 would break %2 of %3.</source>
        <translation>删除 %1 将破坏 %3 的 %2。</translation>
    </message>
    <message numerus="yes">
        <source>%n overlay(s)</source>
        <translation>
            <numerusform>%n 个覆盖层</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s)</source>
        <translation>
            <numerusform>%n 个实例</numerusform>
        </translation>
    </message>
    <message>
        <source>Cache pass: %1 — %2.</source>
        <translation>缓存清理：%1 — %2。</translation>
    </message>
    <message>
        <source>%1 on %2: highlighted with the base files it stands on.</source>
        <translation>%2 上的 %1：已与其所依赖的基础镜像文件一起高亮显示。</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>Cowherd dependency map</source>
        <translation>Cowherd 依赖关系图</translation>
    </message>
    <message>
        <source>Map saved to %1.</source>
        <translation>图已保存到 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Fit to &amp;View</source>
        <translation>适合视图(&amp;V)</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::OverviewTabs</name>
    <message>
        <source>Map</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Views of the selected host</source>
        <translation>所选主机的视图</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::PrecacheDialog</name>
    <message>
        <source>Pre-cache %1</source>
        <translation>预缓存 %1</translation>
    </message>
    <message>
        <source>Fetch image %1 into the _base of each chosen host as %2, one task per host, all at once. Hosts that have it already keep their copy.</source>
        <translation>将镜像 %1 以 %2 的名称获取到每台所选主机的 _base 中，每台主机一个任务，同时进行。已有该镜像的主机保留其副本。</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>not scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>已缓存</translation>
    </message>
    <message>
        <source>not cached</source>
        <translation>未缓存</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Pre-cache</source>
        <translation>预缓存(&amp;P)</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskDock</name>
    <message>
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>&amp;Cancel task</source>
        <translation>取消任务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Retry task</source>
        <translation>重试任务(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>清除已完成(&amp;L)</translation>
    </message>
    <message>
        <source>Task centre</source>
        <translation>任务中心</translation>
    </message>
    <message>
        <source>Log of the selected task</source>
        <translation>所选任务的日志</translation>
    </message>
    <message>
        <source>Select a task to see its log.</source>
        <translation>选择一个任务以查看其日志。</translation>
    </message>
    <message>
        <source>Stop the selected task (Ctrl+.)</source>
        <translation>停止所选任务 (Ctrl+.)</translation>
    </message>
    <message>
        <source>Run the selected failed or cancelled task again</source>
        <translation>重新运行所选的失败或已取消任务</translation>
    </message>
    <message>
        <source>Remove finished tasks from the list</source>
        <translation>从列表中移除已完成的任务</translation>
    </message>
    <message numerus="yes">
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queued</source>
        <translation>
            <numerusform>%n 个排队中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 个失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finished</source>
        <translation>
            <numerusform>%n 个已完成</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Tasks — %1</source>
        <translation>任务 — %1</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskModel</name>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TaskNotifier</name>
    <message>
        <source>Show task</source>
        <translation>显示任务</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Task failure notification</source>
        <translation>任务失败通知</translation>
    </message>
    <message>
        <source>Show the failed task</source>
        <translation>显示失败的任务</translation>
    </message>
    <message>
        <source>Dismiss the failure notification</source>
        <translation>关闭失败通知</translation>
    </message>
    <message>
        <source>%1 on %2 failed: %3</source>
        <translation>%2 上的 %1 失败：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n tasks failed. Last: %1</source>
        <translation>
            <numerusform>%n 个任务失败。最近一个：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cowherd::ui::TasksFeature</name>
    <message>
        <source>Serial console</source>
        <translation>串行控制台</translation>
    </message>
    <message>
        <source>&amp;Launch…</source>
        <translation>创建(&amp;L)…</translation>
    </message>
    <message>
        <source>Launch an instance on the current host (Ctrl+N)</source>
        <translation>在当前主机上创建实例 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Reset &amp;demo lab…</source>
        <translation>重置演示实验室(&amp;D)…</translation>
    </message>
    <message>
        <source>Terminate the demo instances, remove the lab and fill it again</source>
        <translation>删除演示实例，移除实验室并重新填充</translation>
    </message>
    <message>
        <source>Fill the demo lab</source>
        <translation>填充演示实验室</translation>
    </message>
    <message>
        <source>Reset the demo lab</source>
        <translation>重置演示实验室</translation>
    </message>
    <message>
        <source>Terminate every instance of the demo lab, remove %1 with its base files, and fill it again with the two demo images?</source>
        <translation>删除演示实验室的所有实例，连同基础镜像文件删除 %1，并用两个演示镜像重新填充？</translation>
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
