<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>glasshart::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（编译时为 %2）</translation>
    </message>
    <message>
        <source>About Glasshart</source>
        <translation>关于 Glasshart</translation>
    </message>
    <message>
        <source>Glasshart %1</source>
        <translation>Glasshart %1</translation>
    </message>
    <message>
        <source>A RISC-V emulator whose window shows its RISC-V to x86-64 translator at work: the guest&apos;s console, its registers and code, and the translation cache as it fills.</source>
        <translation>一个 RISC-V 模拟器，它的窗口展示其 RISC-V 到 x86-64 翻译器的工作过程：客户机的控制台、寄存器和代码，以及逐渐填满的翻译缓存。</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>asmjit (x86-64 code generation):</source>
        <translation>asmjit（x86-64 代码生成）：</translation>
    </message>
    <message>
        <source>Capstone (x86-64 disassembly):</source>
        <translation>Capstone（x86-64 反汇编）：</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>复制版本信息(&amp;C)</translation>
    </message>
    <message>
        <source>Copy Glasshart&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation>复制 Glasshart 及其所用库的版本，用于错误报告</translation>
    </message>
</context>
<context>
    <name>glasshart::BlockActivityModel</name>
    <message numerus="yes">
        <source>Entered %1 times; %n guest instruction(s) per entry</source>
        <translation>
            <numerusform>进入 %1 次；每次进入执行 %n 条客户机指令</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see this block&apos;s translation</source>
        <translation>点击查看此块的翻译</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>块</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>符号</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>进入次数</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>指令数</translation>
    </message>
</context>
<context>
    <name>glasshart::CacheEventLogModel</name>
    <message>
        <source>translated</source>
        <translation>已翻译</translation>
    </message>
    <message>
        <source>flushed</source>
        <translation>已清空</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>chained</source>
        <translation>已链接</translation>
    </message>
    <message>
        <source>trap</source>
        <translation>陷入</translation>
    </message>
    <message>
        <source>interrupt</source>
        <translation>中断</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>exit chained to %1</source>
        <translation>出口链接到 %1</translation>
    </message>
    <message>
        <source>cause %1 (%2), mtval %3</source>
        <translation>原因 %1 (%2)，mtval %3</translation>
    </message>
    <message>
        <source>cause %1 (%2)</source>
        <translation>原因 %1 (%2)</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已退休</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Guest pc</source>
        <translation>客户机 pc</translation>
    </message>
    <message>
        <source>Host offset +size</source>
        <translation>宿主机偏移 +大小</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>system call</source>
        <translation>系统调用</translation>
    </message>
</context>
<context>
    <name>glasshart::CacheMapWidget</name>
    <message>
        <source>Guest pc %1
Host offset %2, %3 bytes</source>
        <translation>客户机 pc %1
宿主机偏移 %2，%3 字节</translation>
    </message>
    <message>
        <source>Block %1 since the last flush</source>
        <translation>自上次清空以来的第 %1 个块</translation>
    </message>
    <message>
        <source>Chained exits: %1</source>
        <translation>已链接的出口：%1</translation>
    </message>
    <message>
        <source>Invalidated: its guest code was overwritten</source>
        <translation>已失效：其客户机代码已被覆盖</translation>
    </message>
    <message>
        <source>Dispatcher entry and exit code (%1 bytes), kept across flushes</source>
        <translation>调度器的入口和出口代码（%1 字节），清空时保留</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>最旧</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>最新</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>调度器</translation>
    </message>
</context>
<context>
    <name>glasshart::CsrModel</name>
    <message>
        <source>M</source>
        <comment>privilege mode</comment>
        <translation>M</translation>
    </message>
    <message>
        <source>S</source>
        <comment>privilege mode</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>U</source>
        <comment>privilege mode</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>reserved (%1)</source>
        <translation>保留 (%1)</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>监管者</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接</translation>
    </message>
    <message>
        <source>vectored</source>
        <translation>向量</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Initial</source>
        <translation>Initial</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Clean</translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation>Dirty</translation>
    </message>
    <message>
        <source>Bare</source>
        <translation>Bare</translation>
    </message>
    <message>
        <source>Bare: no address translation</source>
        <translation>Bare：无地址转换</translation>
    </message>
    <message>
        <source>%1, ASID %2, root page table at %3</source>
        <translation>%1，ASID %2，根页表位于 %3</translation>
    </message>
    <message>
        <source>direct: every trap goes to %1</source>
        <translation>直接：所有陷入都转到 %1</translation>
    </message>
    <message>
        <source>vectored: exceptions go to %1, interrupts to %1 + 4 × cause</source>
        <translation>向量：异常转到 %1，中断转到 %1 + 4 × 原因</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (CSR 0x%2): %3</source>
        <translation>%1 (CSR 0x%2)：%3</translation>
    </message>
    <message>
        <source>%1.%2, bits %3: %4</source>
        <translation>%1.%2，位 %3：%4</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>supervisor interrupts enabled</source>
        <translation>监管者中断已启用</translation>
    </message>
    <message>
        <source>SIE before the last trap into S-mode</source>
        <translation>上次陷入 S 模式之前的 SIE</translation>
    </message>
    <message>
        <source>privilege mode before the last trap into S-mode</source>
        <translation>上次陷入 S 模式之前的特权模式</translation>
    </message>
    <message>
        <source>floating-point unit state: Off makes F and D instructions illegal</source>
        <translation>浮点单元状态：Off 使 F 和 D 指令成为非法指令</translation>
    </message>
    <message>
        <source>S-mode may access user pages</source>
        <translation>S 模式可以访问用户页</translation>
    </message>
    <message>
        <source>loads may read execute-only pages</source>
        <translation>加载可以读取仅可执行的页</translation>
    </message>
    <message>
        <source>some extension state is dirty (FS is Dirty)</source>
        <translation>某个扩展的状态为脏（FS 为 Dirty）</translation>
    </message>
    <message>
        <source>machine interrupts enabled</source>
        <translation>机器中断已启用</translation>
    </message>
    <message>
        <source>MIE before the last trap into M-mode</source>
        <translation>上次陷入 M 模式之前的 MIE</translation>
    </message>
    <message>
        <source>privilege mode before the last trap into M-mode</source>
        <translation>上次陷入 M 模式之前的特权模式</translation>
    </message>
    <message>
        <source>loads and stores use the privilege mode in MPP</source>
        <translation>加载和存储使用 MPP 中的特权模式</translation>
    </message>
    <message>
        <source>S-mode may not touch satp or run sfence.vma</source>
        <translation>S 模式不得访问 satp，也不得执行 sfence.vma</translation>
    </message>
    <message>
        <source>wfi below M-mode traps</source>
        <translation>在 M 模式以下执行 wfi 会陷入</translation>
    </message>
    <message>
        <source>sret in S-mode traps</source>
        <translation>在 S 模式下执行 sret 会陷入</translation>
    </message>
    <message>
        <source>native base integer ISA width</source>
        <translation>原生基本整数 ISA 的宽度</translation>
    </message>
    <message>
        <source>implemented standard extensions</source>
        <translation>已实现的标准扩展</translation>
    </message>
    <message>
        <source>supervisor software interrupt enabled</source>
        <translation>监管者软件中断已启用</translation>
    </message>
    <message>
        <source>machine software interrupt enabled</source>
        <translation>机器软件中断已启用</translation>
    </message>
    <message>
        <source>supervisor timer interrupt enabled</source>
        <translation>监管者定时器中断已启用</translation>
    </message>
    <message>
        <source>machine timer interrupt enabled</source>
        <translation>机器定时器中断已启用</translation>
    </message>
    <message>
        <source>supervisor external interrupt enabled</source>
        <translation>监管者外部中断已启用</translation>
    </message>
    <message>
        <source>machine external interrupt enabled</source>
        <translation>机器外部中断已启用</translation>
    </message>
    <message>
        <source>supervisor software interrupt pending</source>
        <translation>监管者软件中断待处理</translation>
    </message>
    <message>
        <source>machine software interrupt pending (CLINT msip)</source>
        <translation>机器软件中断待处理（CLINT msip）</translation>
    </message>
    <message>
        <source>supervisor timer interrupt pending</source>
        <translation>监管者定时器中断待处理</translation>
    </message>
    <message>
        <source>machine timer interrupt pending (mtime ≥ mtimecmp)</source>
        <translation>机器定时器中断待处理（mtime ≥ mtimecmp）</translation>
    </message>
    <message>
        <source>supervisor external interrupt pending (PLIC S context)</source>
        <translation>监管者外部中断待处理（PLIC S 上下文）</translation>
    </message>
    <message>
        <source>machine external interrupt pending</source>
        <translation>机器外部中断待处理</translation>
    </message>
    <message>
        <source>address translation scheme</source>
        <translation>地址转换方案</translation>
    </message>
    <message>
        <source>address space identifier</source>
        <translation>地址空间标识符</translation>
    </message>
    <message>
        <source>physical page number of the root page table</source>
        <translation>根页表的物理页号</translation>
    </message>
    <message>
        <source>trap handler address</source>
        <translation>陷入处理程序的地址</translation>
    </message>
    <message>
        <source>direct: every trap goes to BASE; vectored: interrupts go to BASE + 4 × cause</source>
        <translation>直接：所有陷入都转到 BASE；向量：中断转到 BASE + 4 × 原因</translation>
    </message>
    <message>
        <source>the trap was an interrupt</source>
        <translation>该陷入是一个中断</translation>
    </message>
    <message>
        <source>what caused the trap</source>
        <translation>引起陷入的原因</translation>
    </message>
    <message>
        <source>cycle readable below M-mode</source>
        <translation>在 M 模式以下可以读取 cycle</translation>
    </message>
    <message>
        <source>time readable below M-mode</source>
        <translation>在 M 模式以下可以读取 time</translation>
    </message>
    <message>
        <source>instret readable below M-mode</source>
        <translation>在 M 模式以下可以读取 instret</translation>
    </message>
    <message>
        <source>cycle readable in U-mode</source>
        <translation>在 U 模式下可以读取 cycle</translation>
    </message>
    <message>
        <source>time readable in U-mode</source>
        <translation>在 U 模式下可以读取 time</translation>
    </message>
    <message>
        <source>instret readable in U-mode</source>
        <translation>在 U 模式下可以读取 instret</translation>
    </message>
    <message>
        <source>mcycle stopped</source>
        <translation>mcycle 已停止</translation>
    </message>
    <message>
        <source>minstret stopped</source>
        <translation>minstret 已停止</translation>
    </message>
    <message>
        <source>privilege</source>
        <translation>特权</translation>
    </message>
    <message>
        <source>current privilege mode</source>
        <translation>当前特权模式</translation>
    </message>
    <message>
        <source>machine status</source>
        <translation>机器状态</translation>
    </message>
    <message>
        <source>ISA and extensions</source>
        <translation>ISA 和扩展</translation>
    </message>
    <message>
        <source>machine interrupt enable</source>
        <translation>机器中断使能</translation>
    </message>
    <message>
        <source>machine interrupt pending</source>
        <translation>机器中断待处理</translation>
    </message>
    <message>
        <source>machine trap-handler base address</source>
        <translation>机器陷入处理程序的基地址</translation>
    </message>
    <message>
        <source>machine exception program counter</source>
        <translation>机器异常程序计数器</translation>
    </message>
    <message>
        <source>machine trap cause</source>
        <translation>机器陷入原因</translation>
    </message>
    <message>
        <source>machine trap value: the faulting address or instruction</source>
        <translation>机器陷入值：出错的地址或指令</translation>
    </message>
    <message>
        <source>scratch register for machine trap handlers</source>
        <translation>机器陷入处理程序的暂存寄存器</translation>
    </message>
    <message>
        <source>machine exception delegation</source>
        <translation>机器异常委托</translation>
    </message>
    <message>
        <source>machine interrupt delegation</source>
        <translation>机器中断委托</translation>
    </message>
    <message>
        <source>machine counter enable</source>
        <translation>机器计数器使能</translation>
    </message>
    <message>
        <source>machine counter inhibit</source>
        <translation>机器计数器禁止</translation>
    </message>
    <message>
        <source>machine cycle counter</source>
        <translation>机器周期计数器</translation>
    </message>
    <message>
        <source>upper 32 bits of mcycle</source>
        <translation>mcycle 的高 32 位</translation>
    </message>
    <message>
        <source>machine instructions-retired counter</source>
        <translation>机器已退休指令计数器</translation>
    </message>
    <message>
        <source>upper 32 bits of minstret</source>
        <translation>minstret 的高 32 位</translation>
    </message>
    <message>
        <source>machine timer (CLINT), read as the time CSR</source>
        <translation>机器定时器（CLINT），作为 time CSR 读取</translation>
    </message>
    <message>
        <source>hardware thread ID</source>
        <translation>硬件线程 ID</translation>
    </message>
    <message>
        <source>supervisor status</source>
        <translation>监管者状态</translation>
    </message>
    <message>
        <source>supervisor interrupt enable</source>
        <translation>监管者中断使能</translation>
    </message>
    <message>
        <source>supervisor interrupt pending</source>
        <translation>监管者中断待处理</translation>
    </message>
    <message>
        <source>supervisor trap-handler base address</source>
        <translation>监管者陷入处理程序的基地址</translation>
    </message>
    <message>
        <source>supervisor exception program counter</source>
        <translation>监管者异常程序计数器</translation>
    </message>
    <message>
        <source>supervisor trap cause</source>
        <translation>监管者陷入原因</translation>
    </message>
    <message>
        <source>supervisor trap value: the faulting address or instruction</source>
        <translation>监管者陷入值：出错的地址或指令</translation>
    </message>
    <message>
        <source>scratch register for supervisor trap handlers</source>
        <translation>监管者陷入处理程序的暂存寄存器</translation>
    </message>
    <message>
        <source>supervisor address translation and protection</source>
        <translation>监管者地址转换与保护</translation>
    </message>
    <message>
        <source>supervisor counter enable</source>
        <translation>监管者计数器使能</translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyModel</name>
    <message>
        <source>Breakpoint at 0x%1: click to remove it</source>
        <translation>0x%1 处的断点：点击可将其移除</translation>
    </message>
    <message>
        <source>Click to set a breakpoint at 0x%1</source>
        <translation>点击可在 0x%1 处设置断点</translation>
    </message>
    <message>
        <source>Virtual addresses: the code is read through the page tables, as the hart fetches it</source>
        <translation>虚拟地址：代码按 hart 取指的方式经由页表读取</translation>
    </message>
    <message>
        <source>Physical addresses: paging does not apply to the hart&apos;s fetches now</source>
        <translation>物理地址：当前分页不适用于 hart 的取指</translation>
    </message>
    <message>
        <source>Virtual address</source>
        <translation>虚拟地址</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyPane</name>
    <message>
        <source>Go to symbol or address</source>
        <translation>转到符号或地址</translation>
    </message>
    <message>
        <source>Follow pc</source>
        <translation>跟随 pc</translation>
    </message>
    <message>
        <source>Keep the current instruction in view whenever the guest stops</source>
        <translation>每当客户机停止时，保持当前指令可见</translation>
    </message>
    <message>
        <source>Run to cursor</source>
        <translation>运行到光标处</translation>
    </message>
    <message>
        <source>Toggle breakpoint</source>
        <translation>切换断点</translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to show its code (%1 comes here)</source>
        <translation>输入程序的符号或十六进制地址并按回车，即可显示该处的代码（%1 会跳到这里）</translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation>没有符号或地址“%1”</translation>
    </message>
    <message>
        <source>0x%1 is not mapped for execution in the current address space</source>
        <translation>0x%1 在当前地址空间中未映射为可执行</translation>
    </message>
    <message>
        <source>Cannot read guest memory at 0x%1: it is not RAM</source>
        <translation>无法读取 0x%1 处的客户机内存：那里不是 RAM</translation>
    </message>
    <message>
        <source>The page tables that satp points to give the hart no right to fetch there now</source>
        <translation>satp 指向的页表当前不允许 hart 在那里取指</translation>
    </message>
</context>
<context>
    <name>glasshart::EmulatorWorker</name>
    <message>
        <source>Cannot reserve %1 MiB of host memory for the guest&apos;s RAM: give the machine less RAM.</source>
        <translation>无法为客户机的 RAM 预留 %1 MiB 宿主机内存：请给机器分配更少的 RAM。</translation>
    </message>
    <message>
        <source>The machine cannot boot this: %1</source>
        <translation>机器无法启动它：%1</translation>
    </message>
</context>
<context>
    <name>glasshart::FetchGuestDialog</name>
    <message>
        <source>Get the Linux Guest</source>
        <translation>获取 Linux 客户机</translation>
    </message>
    <message>
        <source>What %1 prints as it works</source>
        <translation>%1 运行时的输出</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>Downloading Debian&apos;s riscv64 kernel and busybox (about 110 MB) and building the guest. This happens once; later boots start at once.</source>
        <translation>正在下载 Debian 的 riscv64 内核和 busybox（约 110 MB）并构建客户机。此过程只需进行一次；以后的启动会立即开始。</translation>
    </message>
    <message>
        <source>%1 stopped before it finished.</source>
        <translation>%1 在完成之前就停止了。</translation>
    </message>
    <message>
        <source>The Debian mirror cannot be reached. Check the network connection (and apt&apos;s sources: the script uses the same mirror), then choose Boot Linux again.</source>
        <translation>无法连接到 Debian 镜像。请检查网络连接（以及 apt 的软件源：脚本使用相同的镜像），然后再次选择“启动 Linux”。</translation>
    </message>
    <message>
        <source>%1 failed with status %2; its messages are below.</source>
        <translation>%1 失败，状态为 %2；其消息见下方。</translation>
    </message>
</context>
<context>
    <name>glasshart::FloatRegisterModel</name>
    <message>
        <source>%1 (single)</source>
        <translation>%1（单精度）</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>flags %1</source>
        <translation>标志 %1</translation>
    </message>
    <message>
        <source>rounding %1, %2</source>
        <translation>舍入 %1，%2</translation>
    </message>
    <message>
        <source>fcsr: the dynamic rounding mode (frm) and the accrued exception flags (fflags)</source>
        <translation>fcsr：动态舍入模式（frm）和累积的异常标志（fflags）</translation>
    </message>
    <message>
        <source>A single is kept NaN-boxed: the upper 32 bits all ones</source>
        <translation>单精度值以 NaN 装箱形式保存：高 32 位全为 1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>寄存器</translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation>ABI 名称</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>glasshart::Inspector</name>
    <message>
        <source>Demo monitor</source>
        <translation>演示监视器</translation>
    </message>
</context>
<context>
    <name>glasshart::LinuxBootDialog</name>
    <message>
        <source>Boot Linux</source>
        <translation>启动 Linux</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>内核(&amp;K)：</translation>
    </message>
    <message>
        <source>Linux&apos;s raw kernel image (arch/riscv/boot/Image), not the ELF vmlinux</source>
        <translation>Linux 的原始内核映像（arch/riscv/boot/Image），而不是 ELF 格式的 vmlinux</translation>
    </message>
    <message>
        <source>Choose the Kernel Image</source>
        <translation>选择内核映像</translation>
    </message>
    <message>
        <source>Kernel images (Image*);;All files (*)</source>
        <translation>内核映像 (Image*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Initrd:</source>
        <translation>Initrd(&amp;I)：</translation>
    </message>
    <message>
        <source>An initial RAM disk for the kernel; leave empty to boot without one</source>
        <translation>供内核使用的初始 RAM 盘；留空则不使用</translation>
    </message>
    <message>
        <source>Choose the Initrd</source>
        <translation>选择 Initrd</translation>
    </message>
    <message>
        <source>Initial RAM disks (*.gz *.img *.cpio initrd*);;All files (*)</source>
        <translation>初始 RAM 盘 (*.gz *.img *.cpio initrd*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The kernel command line (bootargs). console=ttyS0 puts the kernel&apos;s console on the UART, which the terminal in the window shows</source>
        <translation>内核命令行（bootargs）。console=ttyS0 将内核的控制台放到 UART 上，窗口中的终端会显示它</translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation>命令行(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation>固件(&amp;F)：</translation>
    </message>
    <message>
        <source>The M-mode firmware that starts the kernel: OpenSBI&apos;s fw_dynamic.bin, as a raw image. Leave empty for Debian&apos;s OpenSBI (%1), the one QEMU uses by default</source>
        <translation>启动内核的 M 模式固件：OpenSBI 的 fw_dynamic.bin，原始映像格式。留空则使用 Debian 的 OpenSBI（%1），即 QEMU 默认使用的固件</translation>
    </message>
    <message>
        <source>Choose the Firmware</source>
        <translation>选择固件</translation>
    </message>
    <message>
        <source>Firmware images (*.bin);;All files (*)</source>
        <translation>固件映像 (*.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI</source>
        <translation>Debian 的 OpenSBI</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>The guest&apos;s RAM at 0x80000000. The kernel, the initrd and the device tree must fit in it; host memory is used only as the guest touches it</source>
        <translation>客户机位于 0x80000000 的 RAM。内核、initrd 和设备树都必须能放进去；只有客户机实际用到时才会占用宿主机内存</translation>
    </message>
    <message>
        <source>&amp;RAM:</source>
        <translation>RAM(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Boot</source>
        <translation>启动(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Glasshart&apos;s Guest</source>
        <translation>Glasshart 的客户机(&amp;G)</translation>
    </message>
    <message>
        <source>Fill in Debian&apos;s kernel and the busybox initrd that packaging/fetch-linux-guest keeps in %1</source>
        <translation>填入 packaging/fetch-linux-guest 保存在 %1 中的 Debian 内核和 busybox initrd</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Browse for the file</source>
        <translation>浏览文件</translation>
    </message>
    <message>
        <source>Name the kernel image to boot.</source>
        <translation>请指定要启动的内核映像。</translation>
    </message>
    <message>
        <source>There is no kernel image %1.</source>
        <translation>内核映像 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no initrd %1.</source>
        <translation>initrd %1 不存在。</translation>
    </message>
    <message>
        <source>There is no firmware %1.</source>
        <translation>固件 %1 不存在。</translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI firmware (%1) is not installed: install the opensbi package, or name a firmware image.</source>
        <translation>Debian 的 OpenSBI 固件（%1）未安装：请安装 opensbi 软件包，或指定一个固件映像。</translation>
    </message>
</context>
<context>
    <name>glasshart::MainWindow</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>M-mode</source>
        <translation>M 模式</translation>
    </message>
    <message>
        <source>S-mode</source>
        <translation>S 模式</translation>
    </message>
    <message>
        <source>U-mode</source>
        <translation>U 模式</translation>
    </message>
    <message>
        <source>Glasshart</source>
        <translation>Glasshart</translation>
    </message>
    <message>
        <source>The program or system the machine runs</source>
        <translation>机器运行的程序或系统</translation>
    </message>
    <message>
        <source>Whether the guest runs, and where it stopped</source>
        <translation>客户机是否在运行，以及停在了哪里</translation>
    </message>
    <message>
        <source>The hart&apos;s privilege mode: M (machine) runs the firmware, S (supervisor) the kernel, U (user) the programs the kernel starts</source>
        <translation>hart 的特权模式：M（机器）运行固件，S（监管者）运行内核，U（用户）运行内核启动的程序</translation>
    </message>
    <message>
        <source>Instructions the guest has retired, and how many million it retires a second</source>
        <translation>客户机已退休的指令数，以及每秒退休多少百万条指令</translation>
    </message>
    <message>
        <source>%1 — Glasshart</source>
        <translation>%1 — Glasshart</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a RISC-V ELF program on a fresh machine, paused at its entry</source>
        <translation>在一台新机器上打开 RISC-V ELF 程序，并暂停在其入口处</translation>
    </message>
    <message>
        <source>Open &amp;Demo Monitor</source>
        <translation>打开演示监视器(&amp;D)</translation>
    </message>
    <message>
        <source>Run the built-in demo monitor, a small shell to try the panes on</source>
        <translation>运行内置的演示监视器，一个用来试用各个面板的小型 shell</translation>
    </message>
    <message>
        <source>Boot &amp;Linux</source>
        <translation>启动 Linux(&amp;L)</translation>
    </message>
    <message>
        <source>Boot Debian&apos;s riscv64 Linux kernel to a busybox shell on the console</source>
        <translation>将 Debian 的 riscv64 Linux 内核启动到控制台上的 busybox shell</translation>
    </message>
    <message>
        <source>Boot Linux with &amp;Options…</source>
        <translation>带选项启动 Linux(&amp;O)…</translation>
    </message>
    <message>
        <source>Boot a kernel, initrd and firmware of your choice, with a command line and RAM size</source>
        <translation>启动你选择的内核、initrd 和固件，并可指定命令行和 RAM 大小</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window and stop the guest</source>
        <translation>关闭窗口并停止客户机</translation>
    </message>
    <message>
        <source>&amp;Run / Continue</source>
        <translation>运行/继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Step &amp;Instruction</source>
        <translation>单步执行指令(&amp;I)</translation>
    </message>
    <message>
        <source>Step &amp;Over</source>
        <translation>单步跳过(&amp;O)</translation>
    </message>
    <message>
        <source>Step &amp;Block</source>
        <translation>单步执行块(&amp;B)</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>重置(&amp;E)</translation>
    </message>
    <message>
        <source>Run the guest, or go on from where it stopped</source>
        <translation>运行客户机，或从停止处继续</translation>
    </message>
    <message>
        <source>Stop the guest where it is, to look at it</source>
        <translation>让客户机停在当前位置，以便查看</translation>
    </message>
    <message>
        <source>Execute one instruction</source>
        <translation>执行一条指令</translation>
    </message>
    <message>
        <source>Execute one instruction, running through a call as one step</source>
        <translation>执行一条指令，遇到调用时将整个调用作为一步执行完</translation>
    </message>
    <message>
        <source>Run to the end of the current translated block</source>
        <translation>运行到当前翻译块的末尾</translation>
    </message>
    <message>
        <source>Start the program again from its entry, on a machine as it was when it was opened</source>
        <translation>从入口处重新启动程序，机器恢复到打开时的状态</translation>
    </message>
    <message>
        <source>&amp;Translator (RISC-V → x86-64)</source>
        <translation>翻译器 (RISC-V → x86-64)(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>解释器(&amp;I)</translation>
    </message>
    <message>
        <source>Translate the guest&apos;s code into x86-64 blocks and run those: fast, and what the trace and cache panes show</source>
        <translation>将客户机代码翻译成 x86-64 块后运行：速度快，也正是跟踪和缓存面板所展示的内容</translation>
    </message>
    <message>
        <source>Execute one guest instruction at a time: slow, a reference for the translator</source>
        <translation>一次执行一条客户机指令：速度慢，用作翻译器的参照</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>执行引擎(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Run controls</source>
        <translation>运行控制</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Applies from the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <source>&amp;System Default (%1)</source>
        <translation>系统默认（%1）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every keyboard shortcut of the window and its panes</source>
        <translation>列出窗口及其面板的所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About Glasshart</source>
        <translation>关于 Glasshart(&amp;A)</translation>
    </message>
    <message>
        <source>Glasshart&apos;s version and the versions of the libraries it uses</source>
        <translation>Glasshart 的版本及其所用库的版本</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>The version and license of Qt, the toolkit of the window</source>
        <translation>Qt（本窗口所用的工具包）的版本和许可证</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Glasshart will be in %1 from its next start.</source>
        <translation>Glasshart 将从下次启动起使用 %1。</translation>
    </message>
    <message>
        <source>Quit Glasshart and start it again to see the change.</source>
        <translation>请退出 Glasshart 并重新启动，以查看更改。</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>寄存器</translation>
    </message>
    <message>
        <source>CSRs</source>
        <translation>CSR</translation>
    </message>
    <message>
        <source>Disassembly</source>
        <translation>反汇编</translation>
    </message>
    <message>
        <source>Trace: RISC-V → x86-64</source>
        <translation>跟踪：RISC-V → x86-64</translation>
    </message>
    <message>
        <source>Translation Cache</source>
        <translation>翻译缓存</translation>
    </message>
    <message>
        <source>“%1” is not there any more.</source>
        <translation>“%1”已不存在。</translation>
    </message>
    <message>
        <source>It may have been moved, renamed or deleted. Open it from where it is now.</source>
        <translation>它可能已被移动、重命名或删除。请从它现在所在的位置打开。</translation>
    </message>
    <message>
        <source>Glasshart cannot run “%1”: %2.</source>
        <translation>Glasshart 无法运行“%1”：%2。</translation>
    </message>
    <message>
        <source>Glasshart runs RISC-V programs in ELF format, 32- or 64-bit, linked to load at 0x80000000 as on QEMU&apos;s virt machine. Choose such a program, or open the demo monitor to try the window.</source>
        <translation>Glasshart 运行 ELF 格式的 32 位或 64 位 RISC-V 程序，其链接加载地址为 0x80000000，与 QEMU 的 virt 机器相同。请选择这样的程序，或打开演示监视器来试用窗口。</translation>
    </message>
    <message>
        <source>Open &amp;Another…</source>
        <translation>打开其他程序(&amp;A)…</translation>
    </message>
    <message>
        <source>Glasshart&apos;s Linux guest, Debian&apos;s riscv64 kernel with a busybox shell, is not on this computer yet.</source>
        <translation>Glasshart 的 Linux 客户机（Debian 的 riscv64 内核加 busybox shell）尚未在这台计算机上。</translation>
    </message>
    <message>
        <source>packaging/fetch-linux-guest downloads it (about 110 MB) from the Debian mirror of this computer&apos;s apt sources and keeps it in %1. It needs no root.</source>
        <translation>packaging/fetch-linux-guest 会从本机 apt 软件源中的 Debian 镜像下载它（约 110 MB），并保存在 %1 中。不需要 root 权限。</translation>
    </message>
    <message>
        <source>Boot Linux</source>
        <translation>启动 Linux</translation>
    </message>
    <message>
        <source>Run it from Glasshart&apos;s source tree, then choose Boot Linux again. Boot Linux with Options… boots a kernel of your own.</source>
        <translation>请在 Glasshart 的源代码树中运行它，然后再次选择“启动 Linux”。“带选项启动 Linux…”可以启动你自己的内核。</translation>
    </message>
    <message>
        <source>Download it now and boot?</source>
        <translation>现在下载并启动吗？</translation>
    </message>
    <message>
        <source>&amp;Download and Boot</source>
        <translation>下载并启动(&amp;D)</translation>
    </message>
    <message>
        <source>%1 finished, but the guest is not complete in “%2”. Run it in a terminal to see what went wrong.</source>
        <translation>%1 已完成，但“%2”中的客户机不完整。请在终端中运行它，查看出了什么问题。</translation>
    </message>
    <message>
        <source>Debian Linux</source>
        <translation>Debian Linux</translation>
    </message>
    <message>
        <source>Debian Linux %1</source>
        <translation>Debian Linux %1</translation>
    </message>
    <message>
        <source>Linux (%1)</source>
        <translation>Linux (%1)</translation>
    </message>
    <message>
        <source>Booting Linux needs OpenSBI, the firmware that starts the kernel, and it is not installed.</source>
        <translation>启动 Linux 需要 OpenSBI（启动内核的固件），但它尚未安装。</translation>
    </message>
    <message>
        <source>Install Debian&apos;s opensbi package (sudo apt install opensbi), which puts it in %1, or choose a firmware image of your own.</source>
        <translation>请安装 Debian 的 opensbi 软件包（sudo apt install opensbi），它会把固件放在 %1；或者选择你自己的固件映像。</translation>
    </message>
    <message>
        <source>Booting: reading the kernel and initrd</source>
        <translation>正在启动：读取内核和 initrd</translation>
    </message>
    <message>
        <source>Open RISC-V Program</source>
        <translation>打开 RISC-V 程序</translation>
    </message>
    <message>
        <source>ELF executables (*.elf);;All files (*)</source>
        <translation>ELF 可执行文件 (*.elf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 instructions · %2 MIPS</source>
        <translation>%1 条指令 · %2 MIPS</translation>
    </message>
    <message>
        <source>Paused at 0x%1</source>
        <translation>暂停于 0x%1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>正在运行</translation>
    </message>
    <message>
        <source>The guest exited with status %1</source>
        <translation>客户机已退出，状态为 %1</translation>
    </message>
    <message>
        <source>Waiting: the guest sleeps until an interrupt, such as a key typed in the console</source>
        <translation>等待中：客户机处于休眠，直到中断到来，例如在控制台中按下一个键</translation>
    </message>
    <message>
        <source>The guest jumped to nothing</source>
        <translation>客户机跳转到了空处</translation>
    </message>
    <message>
        <source>Start &amp;GDB Server…</source>
        <translation>启动 GDB 服务器(&amp;G)…</translation>
    </message>
    <message>
        <source>Let gdb-multiarch debug the guest: it connects with target remote :PORT and then drives the hart, while this window shows what it does</source>
        <translation>让 gdb-multiarch 调试客户机：它用 target remote :PORT 连接，然后控制 hart，本窗口同时显示它所做的一切</translation>
    </message>
    <message>
        <source>Stop GDB &amp;Server</source>
        <translation>停止 GDB 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>Close the GDB server and its connection; the guest stays as it is</source>
        <translation>关闭 GDB 服务器及其连接；客户机保持原状</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>调试(&amp;D)</translation>
    </message>
    <message>
        <source>System Calls</source>
        <translation>系统调用</translation>
    </message>
    <message>
        <source>Start GDB Server</source>
        <translation>启动 GDB 服务器</translation>
    </message>
    <message>
        <source>Port on this computer (127.0.0.1) where gdb connects with
target remote :PORT</source>
        <translation>本机 (127.0.0.1) 上的端口，gdb 通过以下命令连接：
target remote :PORT</translation>
    </message>
    <message>
        <source>GDB: waiting on %1</source>
        <translation>GDB：在 %1 上等待</translation>
    </message>
    <message>
        <source>Connect with gdb-multiarch -ex &apos;target remote %1&apos; PROGRAM.elf</source>
        <translation>用 gdb-multiarch -ex &apos;target remote %1&apos; PROGRAM.elf 连接</translation>
    </message>
    <message>
        <source>GDB: connected</source>
        <translation>GDB：已连接</translation>
    </message>
    <message>
        <source>gdb drives the hart: continue and step in gdb. Pause here stops it. (%1)</source>
        <translation>gdb 控制着 hart：请在 gdb 中继续和单步执行。在此处暂停可使其停止。(%1)</translation>
    </message>
    <message>
        <source>The GDB server could not start: %1. Choose another port with Debug ▸ Start GDB Server…</source>
        <translation>GDB 服务器无法启动：%1。请通过 调试 ▸ 启动 GDB 服务器… 选择另一个端口。</translation>
    </message>
</context>
<context>
    <name>glasshart::RegisterModel</name>
    <message>
        <source>pc</source>
        <comment>register</comment>
        <translation>pc</translation>
    </message>
    <message>
        <source>x%1</source>
        <comment>register</comment>
        <translation>x%1</translation>
    </message>
    <message>
        <source>hex %1
signed %2
unsigned %3</source>
        <translation>十六进制 %1
有符号 %2
无符号 %3</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>寄存器</translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation>ABI 名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Registers can be changed only while the program is paused.</source>
        <translation>只有在程序暂停时才能修改寄存器。</translation>
    </message>
    <message>
        <source>x0 is always zero.</source>
        <translation>x0 始终为零。</translation>
    </message>
    <message>
        <source>“%1” is not a %2-bit value in this format (a 0x prefix gives hex).</source>
        <translation>“%1”不是此格式下的 %2 位值（加 0x 前缀表示十六进制）。</translation>
    </message>
    <message>
        <source>The pc must be even.</source>
        <translation>pc 必须是偶数。</translation>
    </message>
</context>
<context>
    <name>glasshart::RegistersPane</name>
    <message>
        <source>Integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>The pc and x0 to x31</source>
        <translation>pc 以及 x0 到 x31</translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation>浮点</translation>
    </message>
    <message>
        <source>f0 to f31 and fcsr (the F and D extensions)</source>
        <translation>f0 到 f31 以及 fcsr（F 和 D 扩展）</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>How the integer registers&apos; values are written</source>
        <translation>整数寄存器值的显示方式</translation>
    </message>
    <message>
        <source>Hexadecimal</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Signed decimal</source>
        <translation>有符号十进制</translation>
    </message>
    <message>
        <source>Unsigned decimal</source>
        <translation>无符号十进制</translation>
    </message>
</context>
<context>
    <name>glasshart::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
</context>
<context>
    <name>glasshart::SystemCallLogPane</name>
    <message>
        <source>A Linux program&apos;s system calls appear here as it makes them.</source>
        <translation>Linux 程序发出的系统调用会在此实时显示。</translation>
    </message>
    <message>
        <source>syscall %1</source>
        <translation>系统调用 %1</translation>
    </message>
</context>
<context>
    <name>glasshart::TraceModel</name>
    <message>
        <source>(guest bytes missing)</source>
        <translation>（缺少客户机字节）</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of x86-64 inline</source>
        <translation>
            <numerusform>%n 字节内联 x86-64 代码</numerusform>
        </translation>
    </message>
    <message>
        <source>(no host code)</source>
        <translation>（无宿主机代码）</translation>
    </message>
    <message>
        <source>Host address 0x%1</source>
        <translation>宿主机地址 0x%1</translation>
    </message>
    <message>
        <source>slow path of 0x%1</source>
        <translation>0x%1 的慢速路径</translation>
    </message>
    <message>
        <source>exits</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>other host code</source>
        <translation>其他宿主机代码</translation>
    </message>
    <message>
        <source>Taken when the inline code cannot do the access (a device, a fault, a watched page): the interpreter executes this one instruction.</source>
        <translation>当内联代码无法完成访问时（设备、故障、被监视的页）走这条路径：由解释器执行这一条指令。</translation>
    </message>
    <message>
        <source>Back to the dispatcher: a refused entry stores the block&apos;s pc; exits that are not chained return through the epilogue.</source>
        <translation>返回调度器：被拒绝的进入会保存块的 pc；未链接的出口经由尾声代码返回。</translation>
    </message>
    <message>
        <source>Host code that no guest instruction&apos;s span covers.</source>
        <translation>没有被任何客户机指令范围覆盖的宿主机代码。</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>RISC-V</source>
        <translation>RISC-V</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>x86-64</source>
        <translation>x86-64</translation>
    </message>
    <message>
        <source>block entry: budget check, register loads</source>
        <translation>块入口：预算检查、加载寄存器</translation>
    </message>
    <message numerus="yes">
        <source>Charges the block&apos;s %n instruction(s) to the budget in r15 up front; if the budget would run out before the next event the block does not run and the dispatcher steps up to the event instead. Then it loads the guest registers only this block keeps in host registers.</source>
        <translation>
            <numerusform>预先从 r15 中的预算扣除本块的 %n 条指令；如果预算会在下一个事件之前耗尽，则本块不运行，改由分派器单步执行到该事件。随后加载仅由本块保存在宿主寄存器中的客户机寄存器。</numerusform>
        </translation>
    </message>
    <message>
        <source>side exit of 0x%1</source>
        <translation>0x%1 的侧出口</translation>
    </message>
    <message>
        <source>Taken when this branch within the block is: gives back to the budget the block&apos;s instructions after the branch, stores the guest registers changed so far, and leaves for the branch target (chained to it once the dispatcher has seen the way taken).</source>
        <translation>当块内的这条分支跳转时执行：把分支之后本块的指令退还给预算，保存到此为止修改过的客户机寄存器，然后离开本块前往分支目标（调度器见过这条路径后便直接链接过去）。</translation>
    </message>
</context>
<context>
    <name>glasshart::TraceViewerPane</name>
    <message>
        <source>Block at symbol or address</source>
        <translation>位于符号或地址处的块</translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to see the translation of the block that starts there</source>
        <translation>输入程序的符号或十六进制地址并按回车，即可查看从该处开始的块的翻译</translation>
    </message>
    <message>
        <source>Assembly syntax of the x86-64 code</source>
        <translation>x86-64 代码的汇编语法</translation>
    </message>
    <message>
        <source>Intel</source>
        <translation>Intel</translation>
    </message>
    <message>
        <source>AT&amp;T</source>
        <translation>AT&amp;T</translation>
    </message>
    <message>
        <source>Profile blocks</source>
        <translation>分析块执行</translation>
    </message>
    <message>
        <source>Counts how often each translated block is entered, for the hottest and recent blocks below. Translated code runs a little slower while it counts.</source>
        <translation>统计每个翻译块被进入的次数，用于下方的最热块和最近块列表。统计期间，翻译后的代码运行会稍慢。</translation>
    </message>
    <message>
        <source>Stop the guest to see the translation of the block at its pc, or name a block above.</source>
        <translation>停止客户机即可查看其 pc 处的块的翻译，或在上方指定一个块。</translation>
    </message>
    <message>
        <source>Hottest blocks</source>
        <translation>最热的块</translation>
    </message>
    <message>
        <source>Recent blocks (newest first)</source>
        <translation>最近的块（最新的在前）</translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began.</source>
        <translation>自开始分析以来尚未进入任何翻译块。</translation>
    </message>
    <message>
        <source>Turn on “Profile blocks” to count block entries.</source>
        <translation>打开“分析块执行”以统计块的进入次数。</translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began (the interpreter runs no blocks).</source>
        <translation>自开始分析以来尚未进入任何翻译块（解释器不运行块）。</translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation>没有符号或地址“%1”</translation>
    </message>
    <message>
        <source>No translation of 0x%1 in the cache (the interpreter runs it, or it has not run yet).</source>
        <translation>缓存中没有 0x%1 的翻译（由解释器运行，或尚未运行过）。</translation>
    </message>
    <message numerus="yes">
        <source>Block 0x%1-0x%2: %n guest instruction(s) became %3 bytes of x86-64 at 0x%4 (translation #%5)</source>
        <translation>
            <numerusform>块 0x%1-0x%2：%n 条客户机指令变成了位于 0x%4 的 %3 字节 x86-64 代码（第 %5 次翻译）</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest registers in host registers: %1 in every block; no others in this one.</source>
        <translation>保存在宿主寄存器中的客户机寄存器：每个块中都有 %1；本块没有其他寄存器。</translation>
    </message>
    <message>
        <source>Guest registers in host registers: %1 in every block; %2 in this one.</source>
        <translation>保存在宿主寄存器中的客户机寄存器：每个块中都有 %1；本块另有 %2。</translation>
    </message>
</context>
<context>
    <name>glasshart::TranslationCachePane</name>
    <message>
        <source>Size of the code arena. A small arena fills sooner and is flushed more often; the new size applies from the next start of the program.</source>
        <translation>代码区的大小。代码区越小，填满得越快，清空得越频繁；新的大小从程序下次启动时生效。</translation>
    </message>
    <message>
        <source>Code arena &amp;size:</source>
        <translation>代码区大小(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Flush now</source>
        <translation>立即清空(&amp;F)</translation>
    </message>
    <message>
        <source>Drop every translated block; the guest&apos;s code is translated again as it runs.</source>
        <translation>丢弃所有翻译块；客户机代码会在运行时重新翻译。</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Blocks translated:</source>
        <translation>已翻译的块：</translation>
    </message>
    <message>
        <source>Live blocks:</source>
        <translation>存活的块：</translation>
    </message>
    <message>
        <source>Guest instructions translated:</source>
        <translation>已翻译的客户机指令：</translation>
    </message>
    <message>
        <source>Host bytes emitted:</source>
        <translation>生成的宿主机字节：</translation>
    </message>
    <message>
        <source>Host bytes per guest instruction:</source>
        <translation>每条客户机指令的宿主机字节：</translation>
    </message>
    <message>
        <source>Fill level:</source>
        <translation>填充率：</translation>
    </message>
    <message>
        <source>Flushes:</source>
        <translation>清空次数：</translation>
    </message>
    <message>
        <source>Invalidations:</source>
        <translation>失效次数：</translation>
    </message>
    <message>
        <source>Chains made:</source>
        <translation>建立的链接：</translation>
    </message>
    <message>
        <source>Dispatcher look-ups:</source>
        <translation>调度器查找次数：</translation>
    </message>
    <message>
        <source>Look-up hit rate:</source>
        <translation>查找命中率：</translation>
    </message>
    <message>
        <source>Share of the dispatcher&apos;s look-ups that found a translated block</source>
        <translation>调度器的查找中找到翻译块的比例</translation>
    </message>
    <message>
        <source>Dropped events:</source>
        <translation>丢弃的事件：</translation>
    </message>
    <message>
        <source>Events the emulator produced faster than the window took them; the map and the log miss these</source>
        <translation>模拟器产生得比窗口接收得更快的事件；代码区图和日志中缺少这些事件</translation>
    </message>
    <message>
        <source>Fill level</source>
        <translation>填充率</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Instructions retired</source>
        <translation>已退休指令</translation>
    </message>
    <message>
        <source>Fill %</source>
        <translation>填充 %</translation>
    </message>
    <message>
        <source>How full the code arena is as the guest runs; a red dot marks each flush</source>
        <translation>客户机运行时代码区的填充程度；每个红点表示一次清空</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>&amp;Translated</source>
        <translation>已翻译(&amp;T)</translation>
    </message>
    <message>
        <source>Show the blocks the translator made</source>
        <translation>显示翻译器生成的块</translation>
    </message>
    <message>
        <source>F&amp;lushed</source>
        <translation>已清空(&amp;L)</translation>
    </message>
    <message>
        <source>Show the flushes that emptied the code arena</source>
        <translation>显示清空代码区的操作</translation>
    </message>
    <message>
        <source>&amp;Invalidated</source>
        <translation>已失效(&amp;I)</translation>
    </message>
    <message>
        <source>Show the blocks dropped because the guest wrote to their code</source>
        <translation>显示因客户机写入其代码而被丢弃的块</translation>
    </message>
    <message>
        <source>&amp;Chained</source>
        <translation>已链接(&amp;C)</translation>
    </message>
    <message>
        <source>Show the block exits patched to jump straight to the next block</source>
        <translation>显示被修补为直接跳转到下一个块的块出口</translation>
    </message>
    <message>
        <source>T&amp;raps and interrupts</source>
        <translation>陷入和中断(&amp;R)</translation>
    </message>
    <message>
        <source>Show the guest&apos;s exceptions and interrupts, with their causes</source>
        <translation>显示客户机的异常和中断及其原因</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 / %2（%3 %）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>glasshart::UartTerminal</name>
    <message>
        <source>The guest&apos;s serial console. Click here and type to send it keys.</source>
        <translation>客户机的串口控制台。点击此处并输入，即可向它发送按键。</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>Clear the terminal here; the guest is not told</source>
        <translation>仅在此处清除终端；不会通知客户机</translation>
    </message>
    <message>
        <source>In the console, keys go to the guest as a terminal sends them, Ctrl+C included. %1 and %2 scroll, %3 pastes, and %4 moves on to the next pane.</source>
        <translation>在控制台中，按键会像终端那样发送给客户机，包括 Ctrl+C。%1 和 %2 用于滚动，%3 用于粘贴，%4 切换到下一个面板。</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A RISC-V emulator that shows its translator at work.</source>
        <translation>一个展示其翻译器工作过程的 RISC-V 模拟器。</translation>
    </message>
    <message>
        <source>A RISC-V ELF program to open (default: the demo monitor).</source>
        <translation>要打开的 RISC-V ELF 程序（默认：演示监视器）。</translation>
    </message>
    <message>
        <source>Type TEXT into the guest&apos;s console after start.</source>
        <translation>启动后在客户机的控制台中输入 TEXT。</translation>
    </message>
    <message>
        <source>After a few seconds, pause the guest, save a picture of the window to FILE and quit.</source>
        <translation>几秒钟后暂停客户机，将窗口截图保存到 FILE 并退出。</translation>
    </message>
    <message>
        <source>Start running the program at once.</source>
        <translation>立即开始运行程序。</translation>
    </message>
    <message>
        <source>Close the window when the guest exits, with its exit status (or with status 2 when it cannot start).</source>
        <translation>客户机退出时关闭窗口，并返回其退出状态（无法启动时返回状态 2）。</translation>
    </message>
    <message>
        <source>Boot Glasshart&apos;s Debian Linux guest (made by packaging/fetch-linux-guest) instead of a program. --type and --screenshot then wait for its shell prompt.</source>
        <translation>启动 Glasshart 的 Debian Linux 客户机（由 packaging/fetch-linux-guest 生成），而不是程序。此时 --type 和 --screenshot 会等待其 shell 提示符。</translation>
    </message>
    <message>
        <source>give either a program or --linux, not both</source>
        <translation>只能指定程序或 --linux 之一，不能同时指定</translation>
    </message>
    <message>
        <source>the Linux guest is not in %1 yet: run packaging/fetch-linux-guest first</source>
        <translation>Linux 客户机尚未在 %1 中：请先运行 packaging/fetch-linux-guest</translation>
    </message>
    <message>
        <source>Debian Linux %1</source>
        <translation>Debian Linux %1</translation>
    </message>
</context>
</TS>
