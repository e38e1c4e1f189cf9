<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>glasshart::AboutDialog</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>About Glasshart</source>
        <translation>Über Glasshart</translation>
    </message>
    <message>
        <source>Glasshart %1</source>
        <translation>Glasshart %1</translation>
    </message>
    <message>
        <source>A RISC-V emulator whose window shows its RISC-V to x86-64 translator at work: the guest&apos;s console, its registers and code, and the translation cache as it fills.</source>
        <translation>Ein RISC-V-Emulator, dessen Fenster seinen Übersetzer von RISC-V nach x86-64 bei der Arbeit zeigt: die Konsole des Gasts, seine Register und seinen Code und den Übersetzungscache, wie er sich füllt.</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>asmjit (x86-64 code generation):</source>
        <translation>asmjit (x86-64-Codeerzeugung):</translation>
    </message>
    <message>
        <source>Capstone (x86-64 disassembly):</source>
        <translation>Capstone (x86-64-Disassemblierung):</translation>
    </message>
    <message>
        <source>&amp;Copy Versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy Glasshart&apos;s and the libraries&apos; versions, for a bug report</source>
        <translation>Die Versionen von Glasshart und seinen Bibliotheken kopieren, für einen Fehlerbericht</translation>
    </message>
</context>
<context>
    <name>glasshart::BlockActivityModel</name>
    <message numerus="yes">
        <source>Entered %1 times; %n guest instruction(s) per entry</source>
        <translation>
            <numerusform>%1-mal angesprungen; %n Gastbefehl pro Eintritt</numerusform>
            <numerusform>%1-mal angesprungen; %n Gastbefehle pro Eintritt</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to see this block&apos;s translation</source>
        <translation>Klicken, um die Übersetzung dieses Blocks zu sehen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Eintritte</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Befehle</translation>
    </message>
</context>
<context>
    <name>glasshart::CacheEventLogModel</name>
    <message>
        <source>translated</source>
        <translation>übersetzt</translation>
    </message>
    <message>
        <source>flushed</source>
        <translation>geleert</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>invalidiert</translation>
    </message>
    <message>
        <source>chained</source>
        <translation>verkettet</translation>
    </message>
    <message>
        <source>trap</source>
        <translation>Trap</translation>
    </message>
    <message>
        <source>interrupt</source>
        <translation>Interrupt</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>exit chained to %1</source>
        <translation>Ausgang verkettet mit %1</translation>
    </message>
    <message>
        <source>cause %1 (%2), mtval %3</source>
        <translation>Ursache %1 (%2), mtval %3</translation>
    </message>
    <message>
        <source>cause %1 (%2)</source>
        <translation>Ursache %1 (%2)</translation>
    </message>
    <message>
        <source>%1 +%2</source>
        <translation>%1 +%2</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Guest pc</source>
        <translation>Gast-pc</translation>
    </message>
    <message>
        <source>Host offset +size</source>
        <translation>Host-Offset +Größe</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>system call</source>
        <translation>Systemaufruf</translation>
    </message>
</context>
<context>
    <name>glasshart::CacheMapWidget</name>
    <message>
        <source>Guest pc %1
Host offset %2, %3 bytes</source>
        <translation>Gast-pc %1
Host-Offset %2, %3 Bytes</translation>
    </message>
    <message>
        <source>Block %1 since the last flush</source>
        <translation>Block %1 seit der letzten Leerung</translation>
    </message>
    <message>
        <source>Chained exits: %1</source>
        <translation>Verkettete Ausgänge: %1</translation>
    </message>
    <message>
        <source>Invalidated: its guest code was overwritten</source>
        <translation>Invalidiert: sein Gastcode wurde überschrieben</translation>
    </message>
    <message>
        <source>Dispatcher entry and exit code (%1 bytes), kept across flushes</source>
        <translation>Ein- und Ausgangscode des Dispatchers (%1 Bytes), bleibt bei Leerungen erhalten</translation>
    </message>
    <message>
        <source>oldest</source>
        <translation>älteste</translation>
    </message>
    <message>
        <source>newest</source>
        <translation>neueste</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>invalidiert</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>dispatcher</source>
        <translation>Dispatcher</translation>
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
        <translation>reserviert (%1)</translation>
    </message>
    <message>
        <source>machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>user</source>
        <translation>User</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>vectored</source>
        <translation>vektorisiert</translation>
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
        <translation>Bare: keine Adressübersetzung</translation>
    </message>
    <message>
        <source>%1, ASID %2, root page table at %3</source>
        <translation>%1, ASID %2, Wurzel-Seitentabelle bei %3</translation>
    </message>
    <message>
        <source>direct: every trap goes to %1</source>
        <translation>direkt: jeder Trap geht nach %1</translation>
    </message>
    <message>
        <source>vectored: exceptions go to %1, interrupts to %1 + 4 × cause</source>
        <translation>vektorisiert: Exceptions gehen nach %1, Interrupts nach %1 + 4 × Ursache</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (CSR 0x%2): %3</source>
        <translation>%1 (CSR 0x%2): %3</translation>
    </message>
    <message>
        <source>%1.%2, bits %3: %4</source>
        <translation>%1.%2, Bits %3: %4</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>supervisor interrupts enabled</source>
        <translation>Supervisor-Interrupts freigegeben</translation>
    </message>
    <message>
        <source>SIE before the last trap into S-mode</source>
        <translation>SIE vor dem letzten Trap in den S-Mode</translation>
    </message>
    <message>
        <source>privilege mode before the last trap into S-mode</source>
        <translation>Privilegmodus vor dem letzten Trap in den S-Mode</translation>
    </message>
    <message>
        <source>floating-point unit state: Off makes F and D instructions illegal</source>
        <translation>Zustand der Gleitkommaeinheit: Off macht F- und D-Befehle unzulässig</translation>
    </message>
    <message>
        <source>S-mode may access user pages</source>
        <translation>S-Mode darf auf User-Seiten zugreifen</translation>
    </message>
    <message>
        <source>loads may read execute-only pages</source>
        <translation>Loads dürfen nur ausführbare Seiten lesen</translation>
    </message>
    <message>
        <source>some extension state is dirty (FS is Dirty)</source>
        <translation>ein Erweiterungszustand ist geändert (FS ist Dirty)</translation>
    </message>
    <message>
        <source>machine interrupts enabled</source>
        <translation>Machine-Interrupts freigegeben</translation>
    </message>
    <message>
        <source>MIE before the last trap into M-mode</source>
        <translation>MIE vor dem letzten Trap in den M-Mode</translation>
    </message>
    <message>
        <source>privilege mode before the last trap into M-mode</source>
        <translation>Privilegmodus vor dem letzten Trap in den M-Mode</translation>
    </message>
    <message>
        <source>loads and stores use the privilege mode in MPP</source>
        <translation>Loads und Stores verwenden den Privilegmodus in MPP</translation>
    </message>
    <message>
        <source>S-mode may not touch satp or run sfence.vma</source>
        <translation>S-Mode darf satp nicht anfassen und kein sfence.vma ausführen</translation>
    </message>
    <message>
        <source>wfi below M-mode traps</source>
        <translation>wfi unterhalb des M-Mode löst einen Trap aus</translation>
    </message>
    <message>
        <source>sret in S-mode traps</source>
        <translation>sret im S-Mode löst einen Trap aus</translation>
    </message>
    <message>
        <source>native base integer ISA width</source>
        <translation>native Breite der Basis-Integer-ISA</translation>
    </message>
    <message>
        <source>implemented standard extensions</source>
        <translation>implementierte Standarderweiterungen</translation>
    </message>
    <message>
        <source>supervisor software interrupt enabled</source>
        <translation>Supervisor-Software-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>machine software interrupt enabled</source>
        <translation>Machine-Software-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>supervisor timer interrupt enabled</source>
        <translation>Supervisor-Timer-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>machine timer interrupt enabled</source>
        <translation>Machine-Timer-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>supervisor external interrupt enabled</source>
        <translation>externer Supervisor-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>machine external interrupt enabled</source>
        <translation>externer Machine-Interrupt freigegeben</translation>
    </message>
    <message>
        <source>supervisor software interrupt pending</source>
        <translation>Supervisor-Software-Interrupt anstehend</translation>
    </message>
    <message>
        <source>machine software interrupt pending (CLINT msip)</source>
        <translation>Machine-Software-Interrupt anstehend (CLINT msip)</translation>
    </message>
    <message>
        <source>supervisor timer interrupt pending</source>
        <translation>Supervisor-Timer-Interrupt anstehend</translation>
    </message>
    <message>
        <source>machine timer interrupt pending (mtime ≥ mtimecmp)</source>
        <translation>Machine-Timer-Interrupt anstehend (mtime ≥ mtimecmp)</translation>
    </message>
    <message>
        <source>supervisor external interrupt pending (PLIC S context)</source>
        <translation>externer Supervisor-Interrupt anstehend (PLIC-S-Kontext)</translation>
    </message>
    <message>
        <source>machine external interrupt pending</source>
        <translation>externer Machine-Interrupt anstehend</translation>
    </message>
    <message>
        <source>address translation scheme</source>
        <translation>Adressübersetzungsverfahren</translation>
    </message>
    <message>
        <source>address space identifier</source>
        <translation>Adressraumkennung</translation>
    </message>
    <message>
        <source>physical page number of the root page table</source>
        <translation>physische Seitennummer der Wurzel-Seitentabelle</translation>
    </message>
    <message>
        <source>trap handler address</source>
        <translation>Adresse des Trap-Handlers</translation>
    </message>
    <message>
        <source>direct: every trap goes to BASE; vectored: interrupts go to BASE + 4 × cause</source>
        <translation>direkt: jeder Trap geht nach BASE; vektorisiert: Interrupts gehen nach BASE + 4 × Ursache</translation>
    </message>
    <message>
        <source>the trap was an interrupt</source>
        <translation>der Trap war ein Interrupt</translation>
    </message>
    <message>
        <source>what caused the trap</source>
        <translation>was den Trap ausgelöst hat</translation>
    </message>
    <message>
        <source>cycle readable below M-mode</source>
        <translation>cycle unterhalb des M-Mode lesbar</translation>
    </message>
    <message>
        <source>time readable below M-mode</source>
        <translation>time unterhalb des M-Mode lesbar</translation>
    </message>
    <message>
        <source>instret readable below M-mode</source>
        <translation>instret unterhalb des M-Mode lesbar</translation>
    </message>
    <message>
        <source>cycle readable in U-mode</source>
        <translation>cycle im U-Mode lesbar</translation>
    </message>
    <message>
        <source>time readable in U-mode</source>
        <translation>time im U-Mode lesbar</translation>
    </message>
    <message>
        <source>instret readable in U-mode</source>
        <translation>instret im U-Mode lesbar</translation>
    </message>
    <message>
        <source>mcycle stopped</source>
        <translation>mcycle angehalten</translation>
    </message>
    <message>
        <source>minstret stopped</source>
        <translation>minstret angehalten</translation>
    </message>
    <message>
        <source>privilege</source>
        <translation>Privileg</translation>
    </message>
    <message>
        <source>current privilege mode</source>
        <translation>aktueller Privilegmodus</translation>
    </message>
    <message>
        <source>machine status</source>
        <translation>Machine-Status</translation>
    </message>
    <message>
        <source>ISA and extensions</source>
        <translation>ISA und Erweiterungen</translation>
    </message>
    <message>
        <source>machine interrupt enable</source>
        <translation>Machine-Interrupt-Freigabe</translation>
    </message>
    <message>
        <source>machine interrupt pending</source>
        <translation>anstehende Machine-Interrupts</translation>
    </message>
    <message>
        <source>machine trap-handler base address</source>
        <translation>Basisadresse des Machine-Trap-Handlers</translation>
    </message>
    <message>
        <source>machine exception program counter</source>
        <translation>Machine-Exception-Programmzähler</translation>
    </message>
    <message>
        <source>machine trap cause</source>
        <translation>Machine-Trap-Ursache</translation>
    </message>
    <message>
        <source>machine trap value: the faulting address or instruction</source>
        <translation>Machine-Trap-Wert: die fehlerhafte Adresse oder der fehlerhafte Befehl</translation>
    </message>
    <message>
        <source>scratch register for machine trap handlers</source>
        <translation>Hilfsregister für Machine-Trap-Handler</translation>
    </message>
    <message>
        <source>machine exception delegation</source>
        <translation>Machine-Exception-Delegation</translation>
    </message>
    <message>
        <source>machine interrupt delegation</source>
        <translation>Machine-Interrupt-Delegation</translation>
    </message>
    <message>
        <source>machine counter enable</source>
        <translation>Machine-Zähler-Freigabe</translation>
    </message>
    <message>
        <source>machine counter inhibit</source>
        <translation>Machine-Zähler-Sperre</translation>
    </message>
    <message>
        <source>machine cycle counter</source>
        <translation>Machine-Taktzähler</translation>
    </message>
    <message>
        <source>upper 32 bits of mcycle</source>
        <translation>obere 32 Bits von mcycle</translation>
    </message>
    <message>
        <source>machine instructions-retired counter</source>
        <translation>Machine-Zähler abgeschlossener Befehle</translation>
    </message>
    <message>
        <source>upper 32 bits of minstret</source>
        <translation>obere 32 Bits von minstret</translation>
    </message>
    <message>
        <source>machine timer (CLINT), read as the time CSR</source>
        <translation>Machine-Timer (CLINT), gelesen als CSR time</translation>
    </message>
    <message>
        <source>hardware thread ID</source>
        <translation>Hardware-Thread-ID</translation>
    </message>
    <message>
        <source>supervisor status</source>
        <translation>Supervisor-Status</translation>
    </message>
    <message>
        <source>supervisor interrupt enable</source>
        <translation>Supervisor-Interrupt-Freigabe</translation>
    </message>
    <message>
        <source>supervisor interrupt pending</source>
        <translation>anstehende Supervisor-Interrupts</translation>
    </message>
    <message>
        <source>supervisor trap-handler base address</source>
        <translation>Basisadresse des Supervisor-Trap-Handlers</translation>
    </message>
    <message>
        <source>supervisor exception program counter</source>
        <translation>Supervisor-Exception-Programmzähler</translation>
    </message>
    <message>
        <source>supervisor trap cause</source>
        <translation>Supervisor-Trap-Ursache</translation>
    </message>
    <message>
        <source>supervisor trap value: the faulting address or instruction</source>
        <translation>Supervisor-Trap-Wert: die fehlerhafte Adresse oder der fehlerhafte Befehl</translation>
    </message>
    <message>
        <source>scratch register for supervisor trap handlers</source>
        <translation>Hilfsregister für Supervisor-Trap-Handler</translation>
    </message>
    <message>
        <source>supervisor address translation and protection</source>
        <translation>Supervisor-Adressübersetzung und -schutz</translation>
    </message>
    <message>
        <source>supervisor counter enable</source>
        <translation>Supervisor-Zähler-Freigabe</translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyModel</name>
    <message>
        <source>Breakpoint at 0x%1: click to remove it</source>
        <translation>Haltepunkt bei 0x%1: klicken, um ihn zu entfernen</translation>
    </message>
    <message>
        <source>Click to set a breakpoint at 0x%1</source>
        <translation>Klicken, um einen Haltepunkt bei 0x%1 zu setzen</translation>
    </message>
    <message>
        <source>Virtual addresses: the code is read through the page tables, as the hart fetches it</source>
        <translation>Virtuelle Adressen: Der Code wird über die Seitentabellen gelesen, wie der Hart ihn holt</translation>
    </message>
    <message>
        <source>Physical addresses: paging does not apply to the hart&apos;s fetches now</source>
        <translation>Physische Adressen: Paging gilt für die Befehlsabrufe des Harts gerade nicht</translation>
    </message>
    <message>
        <source>Virtual address</source>
        <translation>Virtuelle Adresse</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>glasshart::DisassemblyPane</name>
    <message>
        <source>Go to symbol or address</source>
        <translation>Gehe zu Symbol oder Adresse</translation>
    </message>
    <message>
        <source>Follow pc</source>
        <translation>pc folgen</translation>
    </message>
    <message>
        <source>Keep the current instruction in view whenever the guest stops</source>
        <translation>Den aktuellen Befehl sichtbar halten, wann immer der Gast anhält</translation>
    </message>
    <message>
        <source>Run to cursor</source>
        <translation>Bis zum Cursor ausführen</translation>
    </message>
    <message>
        <source>Toggle breakpoint</source>
        <translation>Haltepunkt umschalten</translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to show its code (%1 comes here)</source>
        <translation>Ein Symbol des Programms oder eine Hex-Adresse eingeben und Eingabe drücken, um den Code dort zu zeigen (%1 springt hierher)</translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation>Kein Symbol und keine Adresse „%1“</translation>
    </message>
    <message>
        <source>0x%1 is not mapped for execution in the current address space</source>
        <translation>0x%1 ist im aktuellen Adressraum nicht zur Ausführung abgebildet</translation>
    </message>
    <message>
        <source>Cannot read guest memory at 0x%1: it is not RAM</source>
        <translation>Gastspeicher bei 0x%1 kann nicht gelesen werden: Dort ist kein RAM</translation>
    </message>
    <message>
        <source>The page tables that satp points to give the hart no right to fetch there now</source>
        <translation>Die Seitentabellen, auf die satp zeigt, erlauben dem Hart derzeit keinen Befehlsabruf dort</translation>
    </message>
</context>
<context>
    <name>glasshart::EmulatorWorker</name>
    <message>
        <source>Cannot reserve %1 MiB of host memory for the guest&apos;s RAM: give the machine less RAM.</source>
        <translation>Für den RAM des Gasts lassen sich keine %1 MiB Host-Speicher reservieren: Geben Sie der Maschine weniger RAM.</translation>
    </message>
    <message>
        <source>The machine cannot boot this: %1</source>
        <translation>Die Maschine kann dies nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>glasshart::FetchGuestDialog</name>
    <message>
        <source>Get the Linux Guest</source>
        <translation>Den Linux-Gast holen</translation>
    </message>
    <message>
        <source>What %1 prints as it works</source>
        <translation>Was %1 bei der Arbeit ausgibt</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Downloading Debian&apos;s riscv64 kernel and busybox (about 110 MB) and building the guest. This happens once; later boots start at once.</source>
        <translation>Debians riscv64-Kernel und busybox (etwa 110 MB) werden heruntergeladen, und der Gast wird gebaut. Das geschieht einmal; spätere Starts beginnen sofort.</translation>
    </message>
    <message>
        <source>%1 stopped before it finished.</source>
        <translation>%1 wurde beendet, bevor es fertig war.</translation>
    </message>
    <message>
        <source>The Debian mirror cannot be reached. Check the network connection (and apt&apos;s sources: the script uses the same mirror), then choose Boot Linux again.</source>
        <translation>Der Debian-Spiegel ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung (und die Quellen von apt: Das Skript nutzt denselben Spiegel), und wählen Sie dann erneut „Linux starten“.</translation>
    </message>
    <message>
        <source>%1 failed with status %2; its messages are below.</source>
        <translation>%1 ist mit Status %2 fehlgeschlagen; seine Meldungen stehen unten.</translation>
    </message>
</context>
<context>
    <name>glasshart::FloatRegisterModel</name>
    <message>
        <source>%1 (single)</source>
        <translation>%1 (single)</translation>
    </message>
    <message>
        <source>no flags</source>
        <translation>keine Flags</translation>
    </message>
    <message>
        <source>flags %1</source>
        <translation>Flags %1</translation>
    </message>
    <message>
        <source>rounding %1, %2</source>
        <translation>Rundung %1, %2</translation>
    </message>
    <message>
        <source>fcsr: the dynamic rounding mode (frm) and the accrued exception flags (fflags)</source>
        <translation>fcsr: der dynamische Rundungsmodus (frm) und die aufgelaufenen Exception-Flags (fflags)</translation>
    </message>
    <message>
        <source>A single is kept NaN-boxed: the upper 32 bits all ones</source>
        <translation>Ein Single wird NaN-geboxt gehalten: Die oberen 32 Bits sind alle eins</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation>ABI-Name</translation>
    </message>
    <message>
        <source>Bits</source>
        <translation>Bits</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>glasshart::Inspector</name>
    <message>
        <source>Demo monitor</source>
        <translation>Demo-Monitor</translation>
    </message>
</context>
<context>
    <name>glasshart::LinuxBootDialog</name>
    <message>
        <source>Boot Linux</source>
        <translation>Linux starten</translation>
    </message>
    <message>
        <source>&amp;Kernel:</source>
        <translation>&amp;Kernel:</translation>
    </message>
    <message>
        <source>Linux&apos;s raw kernel image (arch/riscv/boot/Image), not the ELF vmlinux</source>
        <translation>Das rohe Kernel-Image von Linux (arch/riscv/boot/Image), nicht das ELF vmlinux</translation>
    </message>
    <message>
        <source>Choose the Kernel Image</source>
        <translation>Kernel-Image wählen</translation>
    </message>
    <message>
        <source>Kernel images (Image*);;All files (*)</source>
        <translation>Kernel-Images (Image*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Initrd:</source>
        <translation>&amp;Initrd:</translation>
    </message>
    <message>
        <source>An initial RAM disk for the kernel; leave empty to boot without one</source>
        <translation>Eine initiale RAM-Disk für den Kernel; leer lassen, um ohne zu starten</translation>
    </message>
    <message>
        <source>Choose the Initrd</source>
        <translation>Initrd wählen</translation>
    </message>
    <message>
        <source>Initial RAM disks (*.gz *.img *.cpio initrd*);;All files (*)</source>
        <translation>Initiale RAM-Disks (*.gz *.img *.cpio initrd*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The kernel command line (bootargs). console=ttyS0 puts the kernel&apos;s console on the UART, which the terminal in the window shows</source>
        <translation>Die Kommandozeile des Kernels (bootargs). console=ttyS0 legt die Konsole des Kernels auf den UART, den das Terminal im Fenster zeigt</translation>
    </message>
    <message>
        <source>&amp;Command line:</source>
        <translation>K&amp;ommandozeile:</translation>
    </message>
    <message>
        <source>&amp;Firmware:</source>
        <translation>&amp;Firmware:</translation>
    </message>
    <message>
        <source>The M-mode firmware that starts the kernel: OpenSBI&apos;s fw_dynamic.bin, as a raw image. Leave empty for Debian&apos;s OpenSBI (%1), the one QEMU uses by default</source>
        <translation>Die M-Mode-Firmware, die den Kernel startet: OpenSBIs fw_dynamic.bin als rohes Image. Leer lassen für Debians OpenSBI (%1), das QEMU standardmäßig verwendet</translation>
    </message>
    <message>
        <source>Choose the Firmware</source>
        <translation>Firmware wählen</translation>
    </message>
    <message>
        <source>Firmware images (*.bin);;All files (*)</source>
        <translation>Firmware-Images (*.bin);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI</source>
        <translation>Debians OpenSBI</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>The guest&apos;s RAM at 0x80000000. The kernel, the initrd and the device tree must fit in it; host memory is used only as the guest touches it</source>
        <translation>Der RAM des Gasts ab 0x80000000. Kernel, Initrd und Gerätebaum müssen hineinpassen; Host-Speicher wird erst belegt, wenn der Gast ihn berührt</translation>
    </message>
    <message>
        <source>&amp;RAM:</source>
        <translation>&amp;RAM:</translation>
    </message>
    <message>
        <source>&amp;Boot</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Glasshart&apos;s Guest</source>
        <translation>&amp;Gast von Glasshart</translation>
    </message>
    <message>
        <source>Fill in Debian&apos;s kernel and the busybox initrd that packaging/fetch-linux-guest keeps in %1</source>
        <translation>Debians Kernel und die busybox-Initrd eintragen, die packaging/fetch-linux-guest in %1 aufbewahrt</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>Browse for the file</source>
        <translation>Nach der Datei suchen</translation>
    </message>
    <message>
        <source>Name the kernel image to boot.</source>
        <translation>Geben Sie das zu startende Kernel-Image an.</translation>
    </message>
    <message>
        <source>There is no kernel image %1.</source>
        <translation>Es gibt kein Kernel-Image %1.</translation>
    </message>
    <message>
        <source>There is no initrd %1.</source>
        <translation>Es gibt keine Initrd %1.</translation>
    </message>
    <message>
        <source>There is no firmware %1.</source>
        <translation>Es gibt keine Firmware %1.</translation>
    </message>
    <message>
        <source>Debian&apos;s OpenSBI firmware (%1) is not installed: install the opensbi package, or name a firmware image.</source>
        <translation>Debians OpenSBI-Firmware (%1) ist nicht installiert: Installieren Sie das Paket opensbi, oder geben Sie ein Firmware-Image an.</translation>
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
        <translation>M-Mode</translation>
    </message>
    <message>
        <source>S-mode</source>
        <translation>S-Mode</translation>
    </message>
    <message>
        <source>U-mode</source>
        <translation>U-Mode</translation>
    </message>
    <message>
        <source>Glasshart</source>
        <translation>Glasshart</translation>
    </message>
    <message>
        <source>The program or system the machine runs</source>
        <translation>Das Programm oder System, das die Maschine ausführt</translation>
    </message>
    <message>
        <source>Whether the guest runs, and where it stopped</source>
        <translation>Ob der Gast läuft und wo er angehalten hat</translation>
    </message>
    <message>
        <source>The hart&apos;s privilege mode: M (machine) runs the firmware, S (supervisor) the kernel, U (user) the programs the kernel starts</source>
        <translation>Der Privilegmodus des Harts: M (Machine) führt die Firmware aus, S (Supervisor) den Kernel, U (User) die Programme, die der Kernel startet</translation>
    </message>
    <message>
        <source>Instructions the guest has retired, and how many million it retires a second</source>
        <translation>Vom Gast abgeschlossene Befehle und wie viele Millionen er pro Sekunde abschließt</translation>
    </message>
    <message>
        <source>%1 — Glasshart</source>
        <translation>%1 — Glasshart</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a RISC-V ELF program on a fresh machine, paused at its entry</source>
        <translation>Ein RISC-V-ELF-Programm auf einer neuen Maschine öffnen, angehalten an seinem Einsprungpunkt</translation>
    </message>
    <message>
        <source>Open &amp;Demo Monitor</source>
        <translation>&amp;Demo-Monitor öffnen</translation>
    </message>
    <message>
        <source>Run the built-in demo monitor, a small shell to try the panes on</source>
        <translation>Den eingebauten Demo-Monitor ausführen, eine kleine Shell zum Ausprobieren der Bereiche</translation>
    </message>
    <message>
        <source>Boot &amp;Linux</source>
        <translation>&amp;Linux starten</translation>
    </message>
    <message>
        <source>Boot Debian&apos;s riscv64 Linux kernel to a busybox shell on the console</source>
        <translation>Debians riscv64-Linux-Kernel bis zu einer busybox-Shell auf der Konsole starten</translation>
    </message>
    <message>
        <source>Boot Linux with &amp;Options…</source>
        <translation>Linux mit &amp;Optionen starten…</translation>
    </message>
    <message>
        <source>Boot a kernel, initrd and firmware of your choice, with a command line and RAM size</source>
        <translation>Einen Kernel, eine Initrd und eine Firmware Ihrer Wahl starten, mit Kommandozeile und RAM-Größe</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Close the window and stop the guest</source>
        <translation>Das Fenster schließen und den Gast beenden</translation>
    </message>
    <message>
        <source>&amp;Run / Continue</source>
        <translation>&amp;Starten / Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Step &amp;Instruction</source>
        <translation>&amp;Einzelschritt</translation>
    </message>
    <message>
        <source>Step &amp;Over</source>
        <translation>&amp;Prozedurschritt</translation>
    </message>
    <message>
        <source>Step &amp;Block</source>
        <translation>&amp;Blockschritt</translation>
    </message>
    <message>
        <source>R&amp;eset</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Run the guest, or go on from where it stopped</source>
        <translation>Den Gast ausführen oder dort fortsetzen, wo er angehalten hat</translation>
    </message>
    <message>
        <source>Stop the guest where it is, to look at it</source>
        <translation>Den Gast dort anhalten, wo er gerade ist, um ihn anzusehen</translation>
    </message>
    <message>
        <source>Execute one instruction</source>
        <translation>Einen Befehl ausführen</translation>
    </message>
    <message>
        <source>Execute one instruction, running through a call as one step</source>
        <translation>Einen Befehl ausführen und dabei einen Aufruf als einen Schritt durchlaufen</translation>
    </message>
    <message>
        <source>Run to the end of the current translated block</source>
        <translation>Bis zum Ende des aktuellen übersetzten Blocks ausführen</translation>
    </message>
    <message>
        <source>Start the program again from its entry, on a machine as it was when it was opened</source>
        <translation>Das Programm erneut ab seinem Einsprungpunkt starten, auf einer Maschine wie beim Öffnen</translation>
    </message>
    <message>
        <source>&amp;Translator (RISC-V → x86-64)</source>
        <translation>&amp;Übersetzer (RISC-V → x86-64)</translation>
    </message>
    <message>
        <source>&amp;Interpreter</source>
        <translation>&amp;Interpreter</translation>
    </message>
    <message>
        <source>Translate the guest&apos;s code into x86-64 blocks and run those: fast, and what the trace and cache panes show</source>
        <translation>Den Code des Gasts in x86-64-Blöcke übersetzen und diese ausführen: schnell, und das, was die Trace- und Cache-Bereiche zeigen</translation>
    </message>
    <message>
        <source>Execute one guest instruction at a time: slow, a reference for the translator</source>
        <translation>Einen Gastbefehl nach dem anderen ausführen: langsam, eine Referenz für den Übersetzer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>&amp;Engine</source>
        <translation>E&amp;ngine</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Run controls</source>
        <translation>Ausführungssteuerung</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Applies from the next start</source>
        <translation>Gilt ab dem nächsten Start</translation>
    </message>
    <message>
        <source>&amp;System Default (%1)</source>
        <translation>&amp;Systemstandard (%1)</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>List every keyboard shortcut of the window and its panes</source>
        <translation>Alle Tastenkürzel des Fensters und seiner Bereiche auflisten</translation>
    </message>
    <message>
        <source>&amp;About Glasshart</source>
        <translation>Über &amp;Glasshart</translation>
    </message>
    <message>
        <source>Glasshart&apos;s version and the versions of the libraries it uses</source>
        <translation>Die Version von Glasshart und die Versionen der Bibliotheken, die es verwendet</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>The version and license of Qt, the toolkit of the window</source>
        <translation>Version und Lizenz von Qt, dem Toolkit des Fensters</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>the system&apos;s language</source>
        <translation>die Sprache des Systems</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Glasshart will be in %1 from its next start.</source>
        <translation>Ab dem nächsten Start verwendet Glasshart: %1.</translation>
    </message>
    <message>
        <source>Quit Glasshart and start it again to see the change.</source>
        <translation>Beenden Sie Glasshart, und starten Sie es neu, um die Änderung zu sehen.</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>CSRs</source>
        <translation>CSRs</translation>
    </message>
    <message>
        <source>Disassembly</source>
        <translation>Disassemblierung</translation>
    </message>
    <message>
        <source>Trace: RISC-V → x86-64</source>
        <translation>Trace: RISC-V → x86-64</translation>
    </message>
    <message>
        <source>Translation Cache</source>
        <translation>Übersetzungscache</translation>
    </message>
    <message>
        <source>“%1” is not there any more.</source>
        <translation>„%1“ ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>It may have been moved, renamed or deleted. Open it from where it is now.</source>
        <translation>Die Datei wurde vielleicht verschoben, umbenannt oder gelöscht. Öffnen Sie sie dort, wo sie jetzt ist.</translation>
    </message>
    <message>
        <source>Glasshart cannot run “%1”: %2.</source>
        <translation>Glasshart kann „%1“ nicht ausführen: %2.</translation>
    </message>
    <message>
        <source>Glasshart runs RISC-V programs in ELF format, 32- or 64-bit, linked to load at 0x80000000 as on QEMU&apos;s virt machine. Choose such a program, or open the demo monitor to try the window.</source>
        <translation>Glasshart führt RISC-V-Programme im ELF-Format aus, 32 oder 64 Bit, gelinkt zum Laden bei 0x80000000 wie auf QEMUs virt-Maschine. Wählen Sie ein solches Programm, oder öffnen Sie den Demo-Monitor, um das Fenster auszuprobieren.</translation>
    </message>
    <message>
        <source>Open &amp;Another…</source>
        <translation>&amp;Anderes öffnen…</translation>
    </message>
    <message>
        <source>Glasshart&apos;s Linux guest, Debian&apos;s riscv64 kernel with a busybox shell, is not on this computer yet.</source>
        <translation>Der Linux-Gast von Glasshart, Debians riscv64-Kernel mit einer busybox-Shell, ist noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>packaging/fetch-linux-guest downloads it (about 110 MB) from the Debian mirror of this computer&apos;s apt sources and keeps it in %1. It needs no root.</source>
        <translation>packaging/fetch-linux-guest lädt ihn (etwa 110 MB) vom Debian-Spiegel aus den apt-Quellen dieses Computers herunter und bewahrt ihn in %1 auf. Dafür sind keine Root-Rechte nötig.</translation>
    </message>
    <message>
        <source>Boot Linux</source>
        <translation>Linux starten</translation>
    </message>
    <message>
        <source>Run it from Glasshart&apos;s source tree, then choose Boot Linux again. Boot Linux with Options… boots a kernel of your own.</source>
        <translation>Führen Sie es aus dem Quellbaum von Glasshart aus, und wählen Sie dann erneut „Linux starten“. „Linux mit Optionen starten…“ startet einen eigenen Kernel.</translation>
    </message>
    <message>
        <source>Download it now and boot?</source>
        <translation>Jetzt herunterladen und starten?</translation>
    </message>
    <message>
        <source>&amp;Download and Boot</source>
        <translation>&amp;Herunterladen und starten</translation>
    </message>
    <message>
        <source>%1 finished, but the guest is not complete in “%2”. Run it in a terminal to see what went wrong.</source>
        <translation>%1 ist fertig, aber der Gast in „%2“ ist nicht vollständig. Führen Sie es in einem Terminal aus, um zu sehen, was schiefging.</translation>
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
        <translation>Zum Starten von Linux wird OpenSBI benötigt, die Firmware, die den Kernel startet, und sie ist nicht installiert.</translation>
    </message>
    <message>
        <source>Install Debian&apos;s opensbi package (sudo apt install opensbi), which puts it in %1, or choose a firmware image of your own.</source>
        <translation>Installieren Sie Debians Paket opensbi (sudo apt install opensbi), das sie nach %1 legt, oder wählen Sie ein eigenes Firmware-Image.</translation>
    </message>
    <message>
        <source>Booting: reading the kernel and initrd</source>
        <translation>Start: Kernel und Initrd werden gelesen</translation>
    </message>
    <message>
        <source>Open RISC-V Program</source>
        <translation>RISC-V-Programm öffnen</translation>
    </message>
    <message>
        <source>ELF executables (*.elf);;All files (*)</source>
        <translation>ELF-Programme (*.elf);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 instructions · %2 MIPS</source>
        <translation>%1 Befehle · %2 MIPS</translation>
    </message>
    <message>
        <source>Paused at 0x%1</source>
        <translation>Angehalten bei 0x%1</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>The guest exited with status %1</source>
        <translation>Der Gast hat sich mit Status %1 beendet</translation>
    </message>
    <message>
        <source>Waiting: the guest sleeps until an interrupt, such as a key typed in the console</source>
        <translation>Wartet: Der Gast schläft bis zu einem Interrupt, etwa einer in der Konsole getippten Taste</translation>
    </message>
    <message>
        <source>The guest jumped to nothing</source>
        <translation>Der Gast ist ins Leere gesprungen</translation>
    </message>
    <message>
        <source>Start &amp;GDB Server…</source>
        <translation>&amp;GDB-Server starten…</translation>
    </message>
    <message>
        <source>Let gdb-multiarch debug the guest: it connects with target remote :PORT and then drives the hart, while this window shows what it does</source>
        <translation>gdb-multiarch den Gast debuggen lassen: Es verbindet sich mit target remote :PORT und steuert dann den Hart, während dieses Fenster zeigt, was es tut</translation>
    </message>
    <message>
        <source>Stop GDB &amp;Server</source>
        <translation>GDB-&amp;Server beenden</translation>
    </message>
    <message>
        <source>Close the GDB server and its connection; the guest stays as it is</source>
        <translation>GDB-Server und seine Verbindung schließen; der Gast bleibt, wie er ist</translation>
    </message>
    <message>
        <source>&amp;Debug</source>
        <translation>&amp;Debuggen</translation>
    </message>
    <message>
        <source>System Calls</source>
        <translation>Systemaufrufe</translation>
    </message>
    <message>
        <source>Start GDB Server</source>
        <translation>GDB-Server starten</translation>
    </message>
    <message>
        <source>Port on this computer (127.0.0.1) where gdb connects with
target remote :PORT</source>
        <translation>Port auf diesem Rechner (127.0.0.1), mit dem sich gdb verbindet über
target remote :PORT</translation>
    </message>
    <message>
        <source>GDB: waiting on %1</source>
        <translation>GDB: wartet auf %1</translation>
    </message>
    <message>
        <source>Connect with gdb-multiarch -ex &apos;target remote %1&apos; PROGRAM.elf</source>
        <translation>Verbinden mit gdb-multiarch -ex &apos;target remote %1&apos; PROGRAMM.elf</translation>
    </message>
    <message>
        <source>GDB: connected</source>
        <translation>GDB: verbunden</translation>
    </message>
    <message>
        <source>gdb drives the hart: continue and step in gdb. Pause here stops it. (%1)</source>
        <translation>gdb steuert den Hart: Fortsetzen und Einzelschritte in gdb. „Anhalten“ hier hält ihn an. (%1)</translation>
    </message>
    <message>
        <source>The GDB server could not start: %1. Choose another port with Debug ▸ Start GDB Server…</source>
        <translation>Der GDB-Server konnte nicht starten: %1. Wählen Sie mit Debuggen ▸ GDB-Server starten… einen anderen Port.</translation>
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
        <translation>hex %1
mit Vorzeichen %2
ohne Vorzeichen %3</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>ABI name</source>
        <translation>ABI-Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Registers can be changed only while the program is paused.</source>
        <translation>Register lassen sich nur ändern, während das Programm angehalten ist.</translation>
    </message>
    <message>
        <source>x0 is always zero.</source>
        <translation>x0 ist immer null.</translation>
    </message>
    <message>
        <source>“%1” is not a %2-bit value in this format (a 0x prefix gives hex).</source>
        <translation>„%1“ ist kein %2-Bit-Wert in diesem Format (das Präfix 0x steht für hex).</translation>
    </message>
    <message>
        <source>The pc must be even.</source>
        <translation>Der pc muss gerade sein.</translation>
    </message>
</context>
<context>
    <name>glasshart::RegistersPane</name>
    <message>
        <source>Integer</source>
        <translation>Ganzzahl</translation>
    </message>
    <message>
        <source>The pc and x0 to x31</source>
        <translation>Der pc und x0 bis x31</translation>
    </message>
    <message>
        <source>Floating point</source>
        <translation>Gleitkomma</translation>
    </message>
    <message>
        <source>f0 to f31 and fcsr (the F and D extensions)</source>
        <translation>f0 bis f31 und fcsr (die Erweiterungen F und D)</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>How the integer registers&apos; values are written</source>
        <translation>Wie die Werte der Ganzzahlregister geschrieben werden</translation>
    </message>
    <message>
        <source>Hexadecimal</source>
        <translation>Hexadezimal</translation>
    </message>
    <message>
        <source>Signed decimal</source>
        <translation>Dezimal mit Vorzeichen</translation>
    </message>
    <message>
        <source>Unsigned decimal</source>
        <translation>Dezimal ohne Vorzeichen</translation>
    </message>
</context>
<context>
    <name>glasshart::ShortcutsDialog</name>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
</context>
<context>
    <name>glasshart::SystemCallLogPane</name>
    <message>
        <source>A Linux program&apos;s system calls appear here as it makes them.</source>
        <translation>Die Systemaufrufe eines Linux-Programms erscheinen hier, sobald es sie macht.</translation>
    </message>
    <message>
        <source>syscall %1</source>
        <translation>Systemaufruf %1</translation>
    </message>
</context>
<context>
    <name>glasshart::TraceModel</name>
    <message>
        <source>(guest bytes missing)</source>
        <translation>(Gastbytes fehlen)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s) of x86-64 inline</source>
        <translation>
            <numerusform>%n Byte x86-64 inline</numerusform>
            <numerusform>%n Bytes x86-64 inline</numerusform>
        </translation>
    </message>
    <message>
        <source>(no host code)</source>
        <translation>(kein Host-Code)</translation>
    </message>
    <message>
        <source>Host address 0x%1</source>
        <translation>Host-Adresse 0x%1</translation>
    </message>
    <message>
        <source>slow path of 0x%1</source>
        <translation>langsamer Pfad von 0x%1</translation>
    </message>
    <message>
        <source>exits</source>
        <translation>Ausgänge</translation>
    </message>
    <message>
        <source>other host code</source>
        <translation>weiterer Host-Code</translation>
    </message>
    <message>
        <source>Taken when the inline code cannot do the access (a device, a fault, a watched page): the interpreter executes this one instruction.</source>
        <translation>Genommen, wenn der Inline-Code den Zugriff nicht ausführen kann (ein Gerät, ein Fehler, eine überwachte Seite): Der Interpreter führt diesen einen Befehl aus.</translation>
    </message>
    <message>
        <source>Back to the dispatcher: a refused entry stores the block&apos;s pc; exits that are not chained return through the epilogue.</source>
        <translation>Zurück zum Dispatcher: Ein abgewiesener Eintritt speichert den pc des Blocks; nicht verkettete Ausgänge kehren über den Epilog zurück.</translation>
    </message>
    <message>
        <source>Host code that no guest instruction&apos;s span covers.</source>
        <translation>Host-Code, den der Bereich keines Gastbefehls abdeckt.</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <source>RISC-V</source>
        <translation>RISC-V</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>x86-64</source>
        <translation>x86-64</translation>
    </message>
    <message>
        <source>block entry: budget check, register loads</source>
        <translation>Blockeintritt: Budgetprüfung, Register laden</translation>
    </message>
    <message numerus="yes">
        <source>Charges the block&apos;s %n instruction(s) to the budget in r15 up front; if the budget would run out before the next event the block does not run and the dispatcher steps up to the event instead. Then it loads the guest registers only this block keeps in host registers.</source>
        <translation>
            <numerusform>Zieht die %n Instruktion des Blocks vorab vom Budget in r15 ab; würde das Budget vor dem nächsten Ereignis aufgebraucht, läuft der Block nicht, und der Dispatcher geht stattdessen schrittweise bis zum Ereignis. Danach lädt er die Gastregister, die nur dieser Block in Host-Registern hält.</numerusform>
            <numerusform>Zieht die %n Instruktionen des Blocks vorab vom Budget in r15 ab; würde das Budget vor dem nächsten Ereignis aufgebraucht, läuft der Block nicht, und der Dispatcher geht stattdessen schrittweise bis zum Ereignis. Danach lädt er die Gastregister, die nur dieser Block in Host-Registern hält.</numerusform>
        </translation>
    </message>
    <message>
        <source>side exit of 0x%1</source>
        <translation>Seitenausgang von 0x%1</translation>
    </message>
    <message>
        <source>Taken when this branch within the block is: gives back to the budget the block&apos;s instructions after the branch, stores the guest registers changed so far, and leaves for the branch target (chained to it once the dispatcher has seen the way taken).</source>
        <translation>Genommen, wenn dieser Sprung innerhalb des Blocks springt: gibt dem Budget die Instruktionen des Blocks nach dem Sprung zurück, speichert die bis dahin geänderten Gastregister und verlässt den Block zum Sprungziel (direkt dorthin verkettet, sobald der Dispatcher diesen Weg gesehen hat).</translation>
    </message>
</context>
<context>
    <name>glasshart::TraceViewerPane</name>
    <message>
        <source>Block at symbol or address</source>
        <translation>Block bei Symbol oder Adresse</translation>
    </message>
    <message>
        <source>Type a symbol of the program or a hex address and press Enter to see the translation of the block that starts there</source>
        <translation>Ein Symbol des Programms oder eine Hex-Adresse eingeben und Eingabe drücken, um die Übersetzung des Blocks zu sehen, der dort beginnt</translation>
    </message>
    <message>
        <source>Assembly syntax of the x86-64 code</source>
        <translation>Assemblersyntax des x86-64-Codes</translation>
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
        <translation>Blöcke profilieren</translation>
    </message>
    <message>
        <source>Counts how often each translated block is entered, for the hottest and recent blocks below. Translated code runs a little slower while it counts.</source>
        <translation>Zählt, wie oft jeder übersetzte Block angesprungen wird, für die heißesten und letzten Blöcke unten. Übersetzter Code läuft etwas langsamer, solange gezählt wird.</translation>
    </message>
    <message>
        <source>Stop the guest to see the translation of the block at its pc, or name a block above.</source>
        <translation>Halten Sie den Gast an, um die Übersetzung des Blocks an seinem pc zu sehen, oder nennen Sie oben einen Block.</translation>
    </message>
    <message>
        <source>Hottest blocks</source>
        <translation>Heißeste Blöcke</translation>
    </message>
    <message>
        <source>Recent blocks (newest first)</source>
        <translation>Letzte Blöcke (neueste zuerst)</translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began.</source>
        <translation>Seit Beginn des Profilings wurde kein übersetzter Block angesprungen.</translation>
    </message>
    <message>
        <source>Turn on “Profile blocks” to count block entries.</source>
        <translation>Schalten Sie „Blöcke profilieren“ ein, um Blockeintritte zu zählen.</translation>
    </message>
    <message>
        <source>No translated block has been entered since profiling began (the interpreter runs no blocks).</source>
        <translation>Seit Beginn des Profilings wurde kein übersetzter Block angesprungen (der Interpreter führt keine Blöcke aus).</translation>
    </message>
    <message>
        <source>No symbol or address &quot;%1&quot;</source>
        <translation>Kein Symbol und keine Adresse „%1“</translation>
    </message>
    <message>
        <source>No translation of 0x%1 in the cache (the interpreter runs it, or it has not run yet).</source>
        <translation>Keine Übersetzung von 0x%1 im Cache (der Interpreter führt den Code aus, oder er ist noch nicht gelaufen).</translation>
    </message>
    <message numerus="yes">
        <source>Block 0x%1-0x%2: %n guest instruction(s) became %3 bytes of x86-64 at 0x%4 (translation #%5)</source>
        <translation>
            <numerusform>Block 0x%1-0x%2: %n Gastbefehl wurde zu %3 Bytes x86-64 bei 0x%4 (Übersetzung Nr. %5)</numerusform>
            <numerusform>Block 0x%1-0x%2: %n Gastbefehle wurden zu %3 Bytes x86-64 bei 0x%4 (Übersetzung Nr. %5)</numerusform>
        </translation>
    </message>
    <message>
        <source>Guest registers in host registers: %1 in every block; no others in this one.</source>
        <translation>Gastregister in Host-Registern: %1 in jedem Block; keine weiteren in diesem.</translation>
    </message>
    <message>
        <source>Guest registers in host registers: %1 in every block; %2 in this one.</source>
        <translation>Gastregister in Host-Registern: %1 in jedem Block; %2 in diesem.</translation>
    </message>
</context>
<context>
    <name>glasshart::TranslationCachePane</name>
    <message>
        <source>Size of the code arena. A small arena fills sooner and is flushed more often; the new size applies from the next start of the program.</source>
        <translation>Größe der Code-Arena. Eine kleine Arena ist schneller voll und wird öfter geleert; die neue Größe gilt ab dem nächsten Start des Programms.</translation>
    </message>
    <message>
        <source>Code arena &amp;size:</source>
        <translation>&amp;Größe der Code-Arena:</translation>
    </message>
    <message>
        <source>&amp;Flush now</source>
        <translation>Jetzt &amp;leeren</translation>
    </message>
    <message>
        <source>Drop every translated block; the guest&apos;s code is translated again as it runs.</source>
        <translation>Alle übersetzten Blöcke verwerfen; der Code des Gasts wird beim Ausführen neu übersetzt.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Blocks translated:</source>
        <translation>Übersetzte Blöcke:</translation>
    </message>
    <message>
        <source>Live blocks:</source>
        <translation>Lebende Blöcke:</translation>
    </message>
    <message>
        <source>Guest instructions translated:</source>
        <translation>Übersetzte Gastbefehle:</translation>
    </message>
    <message>
        <source>Host bytes emitted:</source>
        <translation>Erzeugte Host-Bytes:</translation>
    </message>
    <message>
        <source>Host bytes per guest instruction:</source>
        <translation>Host-Bytes pro Gastbefehl:</translation>
    </message>
    <message>
        <source>Fill level:</source>
        <translation>Füllstand:</translation>
    </message>
    <message>
        <source>Flushes:</source>
        <translation>Leerungen:</translation>
    </message>
    <message>
        <source>Invalidations:</source>
        <translation>Invalidierungen:</translation>
    </message>
    <message>
        <source>Chains made:</source>
        <translation>Verkettungen:</translation>
    </message>
    <message>
        <source>Dispatcher look-ups:</source>
        <translation>Dispatcher-Suchen:</translation>
    </message>
    <message>
        <source>Look-up hit rate:</source>
        <translation>Trefferquote der Suche:</translation>
    </message>
    <message>
        <source>Share of the dispatcher&apos;s look-ups that found a translated block</source>
        <translation>Anteil der Suchen des Dispatchers, die einen übersetzten Block gefunden haben</translation>
    </message>
    <message>
        <source>Dropped events:</source>
        <translation>Verworfene Ereignisse:</translation>
    </message>
    <message>
        <source>Events the emulator produced faster than the window took them; the map and the log miss these</source>
        <translation>Ereignisse, die der Emulator schneller erzeugt hat, als das Fenster sie abholen konnte; sie fehlen in Karte und Protokoll</translation>
    </message>
    <message>
        <source>Fill level</source>
        <translation>Füllstand</translation>
    </message>
    <message>
        <source>Flush</source>
        <translation>Leerung</translation>
    </message>
    <message>
        <source>Instructions retired</source>
        <translation>Abgeschlossene Befehle</translation>
    </message>
    <message>
        <source>Fill %</source>
        <translation>Füllstand %</translation>
    </message>
    <message>
        <source>How full the code arena is as the guest runs; a red dot marks each flush</source>
        <translation>Wie voll die Code-Arena ist, während der Gast läuft; ein roter Punkt markiert jede Leerung</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>&amp;Translated</source>
        <translation>&amp;Übersetzt</translation>
    </message>
    <message>
        <source>Show the blocks the translator made</source>
        <translation>Die Blöcke zeigen, die der Übersetzer erzeugt hat</translation>
    </message>
    <message>
        <source>F&amp;lushed</source>
        <translation>Gel&amp;eert</translation>
    </message>
    <message>
        <source>Show the flushes that emptied the code arena</source>
        <translation>Die Leerungen zeigen, die die Code-Arena geleert haben</translation>
    </message>
    <message>
        <source>&amp;Invalidated</source>
        <translation>&amp;Invalidiert</translation>
    </message>
    <message>
        <source>Show the blocks dropped because the guest wrote to their code</source>
        <translation>Die Blöcke zeigen, die verworfen wurden, weil der Gast in ihren Code geschrieben hat</translation>
    </message>
    <message>
        <source>&amp;Chained</source>
        <translation>&amp;Verkettet</translation>
    </message>
    <message>
        <source>Show the block exits patched to jump straight to the next block</source>
        <translation>Die Blockausgänge zeigen, die gepatcht wurden, um direkt zum nächsten Block zu springen</translation>
    </message>
    <message>
        <source>T&amp;raps and interrupts</source>
        <translation>&amp;Traps und Interrupts</translation>
    </message>
    <message>
        <source>Show the guest&apos;s exceptions and interrupts, with their causes</source>
        <translation>Die Exceptions und Interrupts des Gasts mit ihren Ursachen zeigen</translation>
    </message>
    <message>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
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
        <translation>Die serielle Konsole des Gasts. Hier klicken und tippen, um ihm Tasten zu senden.</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Clear the terminal here; the guest is not told</source>
        <translation>Das Terminal hier leeren; der Gast erfährt davon nichts</translation>
    </message>
    <message>
        <source>In the console, keys go to the guest as a terminal sends them, Ctrl+C included. %1 and %2 scroll, %3 pastes, and %4 moves on to the next pane.</source>
        <translation>In der Konsole gehen Tasten an den Gast, wie ein Terminal sie sendet, Strg+C eingeschlossen. %1 und %2 blättern, %3 fügt ein, und %4 wechselt zum nächsten Bereich.</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A RISC-V emulator that shows its translator at work.</source>
        <translation>Ein RISC-V-Emulator, der seinen Übersetzer bei der Arbeit zeigt.</translation>
    </message>
    <message>
        <source>A RISC-V ELF program to open (default: the demo monitor).</source>
        <translation>Ein zu öffnendes RISC-V-ELF-Programm (Vorgabe: der Demo-Monitor).</translation>
    </message>
    <message>
        <source>Type TEXT into the guest&apos;s console after start.</source>
        <translation>Nach dem Start TEXT in die Konsole des Gasts tippen.</translation>
    </message>
    <message>
        <source>After a few seconds, pause the guest, save a picture of the window to FILE and quit.</source>
        <translation>Nach einigen Sekunden den Gast anhalten, ein Bild des Fensters in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>Start running the program at once.</source>
        <translation>Das Programm sofort ausführen.</translation>
    </message>
    <message>
        <source>Close the window when the guest exits, with its exit status (or with status 2 when it cannot start).</source>
        <translation>Das Fenster schließen, wenn der Gast endet, mit seinem Exit-Status (oder mit Status 2, wenn er nicht starten kann).</translation>
    </message>
    <message>
        <source>Boot Glasshart&apos;s Debian Linux guest (made by packaging/fetch-linux-guest) instead of a program. --type and --screenshot then wait for its shell prompt.</source>
        <translation>Statt eines Programms den Debian-Linux-Gast von Glasshart starten (erzeugt von packaging/fetch-linux-guest). --type und --screenshot warten dann auf seinen Shell-Prompt.</translation>
    </message>
    <message>
        <source>give either a program or --linux, not both</source>
        <translation>entweder ein Programm oder --linux angeben, nicht beides</translation>
    </message>
    <message>
        <source>the Linux guest is not in %1 yet: run packaging/fetch-linux-guest first</source>
        <translation>der Linux-Gast ist noch nicht in %1: zuerst packaging/fetch-linux-guest ausführen</translation>
    </message>
    <message>
        <source>Debian Linux %1</source>
        <translation>Debian Linux %1</translation>
    </message>
</context>
</TS>
