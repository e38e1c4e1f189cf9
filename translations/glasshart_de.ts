<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>glasshart::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Glasshart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A RISC-V emulator whose window shows its RISC-V to x86-64 translator at work: the guest&apos;s console, its registers and code, and the translation cache as it fills.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asmjit (x86-64 code generation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capstone (x86-64 disassembly):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Glasshart&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::BlockActivityModel</name>
    <message numerus="yes">
        <source>Entered %1 times; %n guest instruction(s) per entry</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see this block&apos;s translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::CacheEventLogModel</name>
    <message>
        <source>translated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit chained to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cause %1 (%2), mtval %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cause %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest pc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host offset +size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::CacheMapWidget</name>
    <message>
        <source>Guest pc %1
Host offset %2, %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 since the last flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chained exits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalidated: its guest code was overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher entry and exit code (%1 bytes), kept across flushes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>oldest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::CsrModel</name>
    <message>
        <source>M</source>
        <comment>privilege mode</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <comment>privilege mode</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U</source>
        <comment>privilege mode</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vectored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dirty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bare: no address translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, ASID %2, root page table at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct: every trap goes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vectored: exceptions go to %1, interrupts to %1 + 4 × cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (CSR 0x%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.%2, bits %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor interrupts enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIE before the last trap into S-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privilege mode before the last trap into S-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>floating-point unit state: Off makes F and D instructions illegal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S-mode may access user pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loads may read execute-only pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some extension state is dirty (FS is Dirty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine interrupts enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIE before the last trap into M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privilege mode before the last trap into M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loads and stores use the privilege mode in MPP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S-mode may not touch satp or run sfence.vma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wfi below M-mode traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sret in S-mode traps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>native base integer ISA width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>implemented standard extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor software interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine software interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor timer interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine timer interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor external interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine external interrupt enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor software interrupt pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine software interrupt pending (CLINT msip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor timer interrupt pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine timer interrupt pending (mtime ≥ mtimecmp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor external interrupt pending (PLIC S context)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine external interrupt pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address translation scheme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address space identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>physical page number of the root page table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trap handler address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct: every trap goes to BASE; vectored: interrupts go to BASE + 4 × cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the trap was an interrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what caused the trap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cycle readable below M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time readable below M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instret readable below M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cycle readable in U-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time readable in U-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instret readable in U-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mcycle stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minstret stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>privilege</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current privilege mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISA and extensions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine interrupt enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine interrupt pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine trap-handler base address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine exception program counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine trap cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine trap value: the faulting address or instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scratch register for machine trap handlers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine exception delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine interrupt delegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine counter enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine counter inhibit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine cycle counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upper 32 bits of mcycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine instructions-retired counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upper 32 bits of minstret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>machine timer (CLINT), read as the time CSR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hardware thread ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor interrupt enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor interrupt pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor trap-handler base address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor exception program counter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor trap cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor trap value: the faulting address or instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scratch register for supervisor trap handlers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor address translation and protection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisor counter enable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyModel</name>
    <message>
        <source>Breakpoint at 0x%1: click to remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to set a breakpoint at 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual addresses: the code is read through the page tables, as the hart fetches it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical addresses: paging does not apply to the hart&apos;s fetches now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virtual address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyPane</name>
    <message>
        <source>Go to symbol or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow pc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current instruction in view whenever the guest stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle breakpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to show its code (%1 comes here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x%1 is not mapped for execution in the current address space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read guest memory at 0x%1: it is not RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page tables that satp points to give the hart no right to fetch there now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::EmulatorWorker</name>
    <message>
        <source>Cannot reserve %1 MiB of host memory for the guest&apos;s RAM: give the machine less RAM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The machine cannot boot this: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::FetchGuestDialog</name>
    <message>
        <source>Get the Linux Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What %1 prints as it works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading Debian&apos;s riscv64 kernel and busybox (about 110 MB) and building the guest. This happens once; later boots start at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped before it finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Debian mirror cannot be reached. Check the network connection (and apt&apos;s sources: the script uses the same mirror), then choose Boot Linux again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed with status %2; its messages are below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::FloatRegisterModel</name>
    <message>
        <source>%1 (single)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flags %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rounding %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fcsr: the dynamic rounding mode (frm) and the accrued exception flags (fflags)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A single is kept NaN-boxed: the upper 32 bits all ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::Inspector</name>
    <message>
        <source>Demo monitor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::LinuxBootDialog</name>
    <message>
        <source>Boot Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux&apos;s raw kernel image (arch/riscv/boot/Image), not the ELF vmlinux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Kernel Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel images (Image*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Initrd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An initial RAM disk for the kernel; leave empty to boot without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Initrd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Initial RAM disks (*.gz *.img *.cpio initrd*);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel command line (bootargs). console=ttyS0 puts the kernel&apos;s console on the UART, which the terminal in the window shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The M-mode firmware that starts the kernel: OpenSBI&apos;s fw_dynamic.bin, as a raw image. Leave empty for Debian&apos;s OpenSBI (%1), the one QEMU uses by default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Firmware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firmware images (*.bin);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest&apos;s RAM at 0x80000000. The kernel, the initrd and the device tree must fit in it; host memory is used only as the guest touches it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;RAM:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Glasshart&apos;s Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in Debian&apos;s kernel and the busybox initrd that packaging/fetch-linux-guest keeps in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse for the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the kernel image to boot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no kernel image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no initrd %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no firmware %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI firmware (%1) is not installed: install the opensbi package, or name a firmware image.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::MainWindow</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U-mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program or system the machine runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the guest runs, and where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hart&apos;s privilege mode: M (machine) runs the firmware, S (supervisor) the kernel, U (user) the programs the kernel starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions the guest has retired, and how many million it retires a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Glasshart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a RISC-V ELF program on a fresh machine, paused at its entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the built-in demo monitor, a small shell to try the panes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot &amp;Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot Debian&apos;s riscv64 Linux kernel to a busybox shell on the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot Linux with &amp;Options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot a kernel, initrd and firmware of your choice, with a command line and RAM size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window and stop the guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run / Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;Over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step &amp;Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the guest, or go on from where it stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the guest where it is, to look at it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute one instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute one instruction, running through a call as one step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run to the end of the current translated block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the program again from its entry, on a machine as it was when it was opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translator (RISC-V → x86-64)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translate the guest&apos;s code into x86-64 blocks and run those: fast, and what the trace and cache panes show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Execute one guest instruction at a time: slow, a reference for the translator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies from the next start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every keyboard shortcut of the window and its panes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Glasshart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart&apos;s version and the versions of the libraries it uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version and license of Qt, the toolkit of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart will be in %1 from its next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Glasshart and start it again to see the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disassembly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace: RISC-V → x86-64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Translation Cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not there any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may have been moved, renamed or deleted. Open it from where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart cannot run “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart runs RISC-V programs in ELF format, 32- or 64-bit, linked to load at 0x80000000 as on QEMU&apos;s virt machine. Choose such a program, or open the demo monitor to try the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Glasshart&apos;s Linux guest, Debian&apos;s riscv64 kernel with a busybox shell, is not on this computer yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packaging/fetch-linux-guest downloads it (about 110 MB) from the Debian mirror of this computer&apos;s apt sources and keeps it in %1. It needs no root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run it from Glasshart&apos;s source tree, then choose Boot Linux again. Boot Linux with Options… boots a kernel of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download it now and boot?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Download and Boot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished, but the guest is not complete in “%2”. Run it in a terminal to see what went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debian Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debian Linux %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booting Linux needs OpenSBI, the firmware that starts the kernel, and it is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install Debian&apos;s opensbi package (sudo apt install opensbi), which puts it in %1, or choose a firmware image of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booting: reading the kernel and initrd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open RISC-V Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ELF executables (*.elf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 instructions · %2 MIPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest exited with status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: the guest sleeps until an interrupt, such as a key typed in the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guest jumped to nothing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::RegisterModel</name>
    <message>
        <source>pc</source>
        <comment>register</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x%1</source>
        <comment>register</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hex %1
signed %2
unsigned %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers can be changed only while the program is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x0 is always zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a %2-bit value in this format (a 0x prefix gives hex).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pc must be even.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::RegistersPane</name>
    <message>
        <source>Integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pc and x0 to x31</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f0 to f31 and fcsr (the F and D extensions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the integer registers&apos; values are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hexadecimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed decimal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned decimal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::TraceModel</name>
    <message>
        <source>(guest bytes missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of x86-64 inline</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>(no host code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host address 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block entry: budget check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow path of 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other host code</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Charges the block&apos;s %n instruction(s) to retired up front; if that would pass the next event the block does not run and the dispatcher steps up to the event instead.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Taken when the inline code cannot do the access (a device, a fault, a watched page): the interpreter executes this one instruction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the dispatcher: a refused entry stores the block&apos;s pc; exits that are not chained return through the epilogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host code that no guest instruction&apos;s span covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RISC-V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x86-64</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::TraceViewerPane</name>
    <message>
        <source>Block at symbol or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to see the translation of the block that starts there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembly syntax of the x86-64 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AT&amp;T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts how often each translated block is entered, for the hottest and recent blocks below. Translated code runs a little slower while it counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the guest to see the translation of the block at its pc, or name a block above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hottest blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent blocks (newest first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on “Profile blocks” to count block entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began (the interpreter runs no blocks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No translation of 0x%1 in the cache (the interpreter runs it, or it has not run yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Block 0x%1-0x%2: %n guest instruction(s) became %3 bytes of x86-64 at 0x%4 (translation #%5)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glasshart::TranslationCachePane</name>
    <message>
        <source>Size of the code arena. A small arena fills sooner and is flushed more often; the new size applies from the next start of the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code arena &amp;size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flush now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop every translated block; the guest&apos;s code is translated again as it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks translated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live blocks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest instructions translated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host bytes emitted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host bytes per guest instruction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flushes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalidations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains made:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatcher look-ups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look-up hit rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the dispatcher&apos;s look-ups that found a translated block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events the emulator produced faster than the window took them; the map and the log miss these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instructions retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How full the code arena is as the guest runs; a red dot marks each flush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Translated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the blocks the translator made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;lushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the flushes that emptied the code arena</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the blocks dropped because the guest wrote to their code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the block exits patched to jump straight to the next block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;raps and interrupts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the guest&apos;s exceptions and interrupts, with their causes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>glasshart::UartTerminal</name>
    <message>
        <source>The guest&apos;s serial console. Click here and type to send it keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the terminal here; the guest is not told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the console, keys go to the guest as a terminal sends them, Ctrl+C included. %1 and %2 scroll, %3 pastes, and %4 moves on to the next pane.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A RISC-V emulator that shows its translator at work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A RISC-V ELF program to open (default: the demo monitor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type TEXT into the guest&apos;s console after start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After a few seconds, pause the guest, save a picture of the window to FILE and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start running the program at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window when the guest exits, with its exit status (or with status 2 when it cannot start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot Glasshart&apos;s Debian Linux guest (made by packaging/fetch-linux-guest) instead of a program. --type and --screenshot then wait for its shell prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give either a program or --linux, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Linux guest is not in %1 yet: run packaging/fetch-linux-guest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debian Linux %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
