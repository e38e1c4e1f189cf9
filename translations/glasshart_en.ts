<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>glasshart::BlockActivityModel</name>
    <message numerus="yes">
        <source>Entered %1 times; %n guest instruction(s) per entry</source>
        <translation>
            <numerusform>Entered %1 times; %n guest instruction per entry</numerusform>
            <numerusform>Entered %1 times; %n guest instructions per entry</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glasshart::TraceModel</name>
    <message numerus="yes">
        <source>%n byte(s) of x86-64 inline</source>
        <translation>
            <numerusform>%n byte of x86-64 inline</numerusform>
            <numerusform>%n bytes of x86-64 inline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Charges the block&apos;s %n instruction(s) to the budget in r15 up front; if the budget would run out before the next event the block does not run and the dispatcher steps up to the event instead. Then it loads the guest registers only this block keeps in host registers.</source>
        <translation>
            <numerusform>Charges the block&apos;s %n instruction to the budget in r15 up front; if the budget would run out before the next event the block does not run and the dispatcher steps up to the event instead. Then it loads the guest registers only this block keeps in host registers.</numerusform>
            <numerusform>Charges the block&apos;s %n instructions to the budget in r15 up front; if the budget would run out before the next event the block does not run and the dispatcher steps up to the event instead. Then it loads the guest registers only this block keeps in host registers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>glasshart::TraceViewerPane</name>
    <message numerus="yes">
        <source>Block 0x%1-0x%2: %n guest instruction(s) became %3 bytes of x86-64 at 0x%4 (translation #%5)</source>
        <translation>
            <numerusform>Block 0x%1-0x%2: %n guest instruction became %3 bytes of x86-64 at 0x%4 (translation #%5)</numerusform>
            <numerusform>Block 0x%1-0x%2: %n guest instructions became %3 bytes of x86-64 at 0x%4 (translation #%5)</numerusform>
        </translation>
    </message>
</context>
</TS>
