// The ns16550a register behaviour an 8250 driver and our guest runtime rely on.
#include <QtTest>

#include <cstdint>
#include <utility>
#include <vector>

#include "dev/Uart16550.h"

using glasshart::Uart16550;

namespace {

// Register offsets (register shift 0).
constexpr std::uint64_t kRbr = 0, kThr = 0, kDll = 0;
constexpr std::uint64_t kIer = 1, kDlm = 1;
constexpr std::uint64_t kIir = 2, kFcr = 2;
constexpr std::uint64_t kLcr = 3, kMcr = 4, kLsr = 5, kMsr = 6, kScr = 7;

class Harness {
public:
    Harness() : uart([this](std::uint8_t byte) { sent.push_back(byte); }) {
        uart.setInterruptCallback([this](bool level) {
            // Reported after the change: the device already shows the new level.
            if (uart.interruptPending() != level) QTest::qFail("callback ahead of the device", __FILE__, __LINE__);
            lineChanges.push_back(level);
        });
    }

    std::uint8_t in(std::uint64_t offset, unsigned size = 1) {
        std::uint64_t value = 0xdead;
        if (!uart.read(offset, size, value)) {
            QTest::qFail("read refused", __FILE__, __LINE__);
            return 0xff;
        }
        return static_cast<std::uint8_t>(value);
    }
    void out(std::uint64_t offset, std::uint8_t value, unsigned size = 1) {
        if (!uart.write(offset, size, value)) QTest::qFail("write refused", __FILE__, __LINE__);
    }

    // Takes the line changes reported since the last call.
    std::vector<bool> changes() { return std::exchange(lineChanges, {}); }

    std::vector<std::uint8_t> sent;
    std::vector<bool> lineChanges;
    Uart16550 uart;
};

using Changes = std::vector<bool>;

}  // namespace

class UartTest : public QObject {
    Q_OBJECT

private slots:
    void name() {
        Harness h;
        QCOMPARE(h.uart.name(), std::string_view("uart0"));
    }

    void resetValues() {
        Harness h;
        QCOMPARE(h.in(kIer), 0x00);
        QCOMPARE(h.in(kIir), 0x01);
        QCOMPARE(h.in(kLcr), 0x00);
        QCOMPARE(h.in(kMcr), 0x00);
        QCOMPARE(h.in(kLsr), 0x60);  // THRE | TEMT
        QCOMPARE(h.in(kMsr), 0xb0);  // CTS | DSR | DCD, no deltas
        QCOMPARE(h.in(kScr), 0x00);
        QVERIFY(!h.uart.interruptPending());
        QVERIFY(h.uart.canReceive());
    }

    void transmitsAtOnce() {
        Harness h;
        h.out(kThr, 'h');
        h.out(kThr, 'i');
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{'h', 'i'}));
        QCOMPARE(h.in(kLsr) & 0x60, 0x60);  // still empty: transmission is instant
    }

    void scratchRegister() {
        Harness h;
        h.out(kScr, 0x5a);
        QCOMPARE(h.in(kScr), 0x5a);
        h.out(kScr, 0xa5);
        QCOMPARE(h.in(kScr), 0xa5);
    }

    void divisorLatch() {
        Harness h;
        h.out(kIer, 0x05);
        h.out(kLcr, 0x83);  // DLAB, 8N1
        h.out(kDll, 0x0c);
        h.out(kDlm, 0x01);
        QCOMPARE(h.in(kDll), 0x0c);
        QCOMPARE(h.in(kDlm), 0x01);
        QVERIFY(h.sent.empty());  // a DLL write is not a transmission
        h.out(kLcr, 0x03);
        QCOMPARE(h.in(kLcr), 0x03);
        QCOMPARE(h.in(kIer), 0x05);  // IER was kept apart from DLM
        h.out(kThr, 'x');
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{'x'}));
        h.out(kLcr, 0x80);
        QCOMPARE(h.in(kDll), 0x0c);  // the latch is unchanged by the THR write
    }

    void ierUpperBitsReadZero() {
        Harness h;
        h.out(kIer, 0xff);
        QCOMPARE(h.in(kIer), 0x0f);
        h.out(kIer, 0x00);
        QCOMPARE(h.in(kIer), 0x00);
    }

    void receiveWithoutFifo() {
        Harness h;
        h.out(kIer, 0x01);
        QVERIFY(!h.uart.interruptPending());
        h.uart.receive('a');
        QCOMPARE(h.in(kLsr), 0x61);  // DR
        QVERIFY(h.uart.interruptPending());
        QCOMPARE(h.in(kIir), 0x04);  // received data available
        QVERIFY(!h.uart.canReceive());
        QCOMPARE(h.in(kRbr), 'a');
        QCOMPARE(h.in(kLsr), 0x60);
        QCOMPARE(h.in(kIir), 0x01);
        QVERIFY(!h.uart.interruptPending());
        QVERIFY(h.uart.canReceive());
        QCOMPARE(h.in(kRbr), 0x00);  // reading an empty RBR is harmless
    }

    void overrunWithoutFifoOverwrites() {
        Harness h;
        h.uart.receive('a');
        h.uart.receive('b');
        QCOMPARE(h.in(kLsr), 0x63);  // DR | OE
        QCOMPARE(h.in(kLsr), 0x61);  // reading LSR cleared OE
        QCOMPARE(h.in(kRbr), 'b');   // 16450 mode: the new character overwrote RBR
        QCOMPARE(h.in(kLsr), 0x60);
    }

    void fifoHoldsSixteenAndDropsOnOverrun() {
        Harness h;
        h.out(kFcr, 0x01);
        QCOMPARE(h.in(kIir), 0xc1);  // FIFOs enabled, no interrupt
        for (int i = 0; i < 16; ++i) {
            QVERIFY(h.uart.canReceive());
            h.uart.receive(static_cast<std::uint8_t>('A' + i));
        }
        QVERIFY(!h.uart.canReceive());
        h.uart.receive('!');
        QCOMPARE(h.in(kLsr), 0x63);
        QCOMPARE(h.in(kLsr), 0x61);
        for (int i = 0; i < 16; ++i) QCOMPARE(h.in(kRbr), static_cast<std::uint8_t>('A' + i));
        QCOMPARE(h.in(kLsr), 0x60);  // '!' was lost, the FIFO kept its bytes
    }

    void triggerLevelAndTimeout() {
        Harness h;
        h.out(kIer, 0x01);
        h.out(kFcr, 0x81);  // enable, trigger at 8 bytes
        for (int i = 0; i < 3; ++i) h.uart.receive('t');
        QCOMPARE(h.in(kIir), 0xcc);  // below the trigger: character timeout
        for (int i = 0; i < 5; ++i) h.uart.receive('t');
        QCOMPARE(h.in(kIir), 0xc4);  // at the trigger: data available
        h.in(kRbr);
        QCOMPARE(h.in(kIir), 0xcc);
        for (int i = 0; i < 7; ++i) h.in(kRbr);
        QCOMPARE(h.in(kIir), 0xc1);
        QVERIFY(!h.uart.interruptPending());

        h.out(kFcr, 0xc1);  // trigger at 14
        for (int i = 0; i < 13; ++i) h.uart.receive('u');
        QCOMPARE(h.in(kIir), 0xcc);
        h.uart.receive('u');
        QCOMPARE(h.in(kIir), 0xc4);
    }

    void fifoControl() {
        Harness h;
        h.out(kFcr, 0x01);
        h.uart.receive('a');
        h.uart.receive('b');
        h.out(kFcr, 0x03);  // clear the receive FIFO, FIFOs stay on
        QCOMPARE(h.in(kLsr), 0x60);
        QCOMPARE(h.in(kIir), 0xc1);

        h.uart.receive('c');
        h.out(kFcr, 0x00);  // disabling the FIFOs empties them
        QCOMPARE(h.in(kLsr), 0x60);
        QCOMPARE(h.in(kIir), 0x01);

        h.out(kFcr, 0xc0);  // without bit 0 the other bits are not taken
        QCOMPARE(h.in(kIir), 0x01);
        h.out(kFcr, 0x07);  // enable and both self-clearing resets
        QCOMPARE(h.in(kIir), 0xc1);
        h.uart.receive('d');
        h.out(kFcr, 0x01);  // rewriting the same enable keeps the data
        QCOMPARE(h.in(kRbr), 'd');
    }

    void thrEmptyInterrupt() {
        Harness h;
        h.out(kIer, 0x02);  // enabling ETBEI while THR is empty raises THRE
        QVERIFY(h.uart.interruptPending());
        QCOMPARE(h.in(kIir), 0x02);
        QVERIFY(!h.uart.interruptPending());  // the IIR read cleared it
        QCOMPARE(h.in(kIir), 0x01);

        h.out(kIer, 0x02);  // ETBEI already set: no new interrupt
        QVERIFY(!h.uart.interruptPending());

        h.out(kThr, 'z');  // THR empties again at once
        QVERIFY(h.uart.interruptPending());
        h.out(kIer, 0x00);
        QVERIFY(!h.uart.interruptPending());  // masked, not forgotten
        h.out(kIer, 0x02);
        QCOMPARE(h.in(kIir), 0x02);
        QCOMPARE(h.in(kIir), 0x01);
    }

    void linuxThreTest() {
        // serial8250_do_startup's UART_BUG_THRE probe: enabling ETBEI must
        // raise THRE each time it goes 0 -> 1, even after an IIR read.
        Harness h;
        h.out(kIer, 0x02);
        const std::uint8_t first = h.in(kIir);
        h.out(kIer, 0x00);
        h.out(kIer, 0x02);
        const std::uint8_t second = h.in(kIir);
        h.out(kIer, 0x00);
        QCOMPARE(first, 0x02);
        QCOMPARE(second, 0x02);
        QVERIFY(!h.uart.interruptPending());
    }

    void iirReadOnlyClearsThreWhenReported() {
        Harness h;
        h.out(kIer, 0x03);  // data and THRE
        h.uart.receive('q');
        QCOMPARE(h.in(kIir), 0x04);  // data outranks THRE, so THRE stays
        QCOMPARE(h.in(kRbr), 'q');
        QCOMPARE(h.in(kIir), 0x02);
        QCOMPARE(h.in(kIir), 0x01);
    }

    void interruptPriorities() {
        Harness h;
        h.out(kMcr, 0x10);  // loopback: the modem inputs change, deltas set
        h.out(kMcr, 0x00);
        h.out(kIer, 0x0f);
        h.uart.receive('1');
        h.uart.receive('2');  // overrun
        QCOMPARE(h.in(kIir), 0x06);  // receiver line status first
        QCOMPARE(h.in(kLsr), 0x63);
        QCOMPARE(h.in(kIir), 0x04);  // then received data
        h.in(kRbr);
        QCOMPARE(h.in(kIir), 0x02);  // then THRE (raised by enabling ETBEI)
        QCOMPARE(h.in(kIir), 0x00);  // then modem status
        QVERIFY(h.uart.interruptPending());
        QCOMPARE(h.in(kMsr), 0xbb);  // inputs back at CTS|DSR|DCD, deltas for all three
        QCOMPARE(h.in(kIir), 0x01);
        QVERIFY(!h.uart.interruptPending());
    }

    void lineStatusInterruptNeedsIer() {
        Harness h;
        h.uart.receive('1');
        h.uart.receive('2');
        QVERIFY(!h.uart.interruptPending());
        h.out(kIer, 0x04);
        QVERIFY(h.uart.interruptPending());
        QCOMPARE(h.in(kIir), 0x06);
        h.in(kLsr);
        QVERIFY(!h.uart.interruptPending());
    }

    void loopbackModemLines() {
        Harness h;
        // The Linux 8250 probe: LOOP | OUT2 | RTS must read back as DCD | CTS.
        h.out(kMcr, 0x1a);
        QCOMPARE(h.in(kMsr) & 0xf0, 0x90);
        h.out(kMcr, 0x1f);
        QCOMPARE(h.in(kMsr) & 0xf0, 0xf0);
        h.out(kMcr, 0x11);  // DTR -> DSR
        QCOMPARE(h.in(kMsr) & 0xf0, 0x20);
        h.out(kMcr, 0x00);
        QCOMPARE(h.in(kMsr) & 0xf0, 0xb0);
        QCOMPARE(h.in(kMcr), 0x00);
        h.out(kMcr, 0xff);
        QCOMPARE(h.in(kMcr), 0x1f);  // bits 7:5 read 0
    }

    void modemStatusDeltas() {
        Harness h;
        h.out(kMcr, 0x10);  // inputs fall from CTS|DSR|DCD to nothing
        QCOMPARE(h.in(kMsr), 0x0b);
        QCOMPARE(h.in(kMsr), 0x00);  // reading MSR cleared the deltas
        h.out(kMcr, 0x14);  // OUT1 -> RI rises: no delta for a rising RI
        QCOMPARE(h.in(kMsr), 0x40);
        h.out(kMcr, 0x10);  // RI falls: trailing edge
        QCOMPARE(h.in(kMsr), 0x04);
        h.out(kIer, 0x08);
        h.out(kMcr, 0x12);  // RTS -> CTS
        QVERIFY(h.uart.interruptPending());
        QCOMPARE(h.in(kIir), 0x00);
        QCOMPARE(h.in(kMsr), 0x11);
        QVERIFY(!h.uart.interruptPending());
    }

    void loopbackRoutesTransmitToReceive() {
        Harness h;
        h.out(kMcr, 0x10);
        QVERIFY(!h.uart.canReceive());  // the serial input is disconnected
        h.uart.receive('x');            // dropped
        QCOMPARE(h.in(kLsr), 0x60);
        h.out(kThr, 'L');
        QVERIFY(h.sent.empty());  // nothing reaches the host
        QCOMPARE(h.in(kLsr), 0x61);
        QCOMPARE(h.in(kRbr), 'L');
        h.out(kMcr, 0x00);
        QVERIFY(h.uart.canReceive());
        h.out(kThr, 'N');
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{'N'}));
    }

    void readOnlyRegistersIgnoreWrites() {
        Harness h;
        h.out(kLsr, 0x00);
        h.out(kMsr, 0x00);
        QCOMPARE(h.in(kLsr), 0x60);
        QCOMPARE(h.in(kMsr), 0xb0);
    }

    void widerAccessesAreByteAccesses() {
        Harness h;
        std::uint64_t value = 0;
        QVERIFY(h.uart.write(0, 4, 0x12345641));  // sw to THR sends the low byte
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{0x41}));
        QVERIFY(h.uart.write(4, 4, 0xffffff03));  // MCR
        QVERIFY(h.uart.read(4, 4, value));
        QCOMPARE(value, std::uint64_t{0x03});
        h.uart.receive('w');
        QVERIFY(h.uart.read(0, 8, value));
        QCOMPARE(value, std::uint64_t{'w'});
        QVERIFY(h.uart.read(0, 2, value));
        QCOMPARE(value, std::uint64_t{0});
    }

    void offsetsPastTheRegistersFault() {
        Harness h;
        std::uint64_t value = 0;
        QVERIFY(!h.uart.read(8, 1, value));
        QVERIFY(!h.uart.write(8, 1, 0));
        QVERIFY(!h.uart.read(0xff, 1, value));
        QVERIFY(!h.uart.write(0xf8, 8, 0));
    }

    void resetRestoresPowerOnState() {
        Harness h;
        h.out(kLcr, 0x80);
        h.out(kDll, 0x01);
        h.out(kLcr, 0x1b);
        h.out(kIer, 0x0f);
        h.out(kFcr, 0xc1);
        h.out(kMcr, 0x1f);
        h.out(kScr, 0x42);
        h.out(kThr, 'x');
        h.uart.reset();
        QCOMPARE(h.in(kIer), 0x00);
        QCOMPARE(h.in(kIir), 0x01);
        QCOMPARE(h.in(kLcr), 0x00);
        QCOMPARE(h.in(kMcr), 0x00);
        QCOMPARE(h.in(kLsr), 0x60);
        QCOMPARE(h.in(kMsr), 0xb0);
        QCOMPARE(h.in(kScr), 0x00);
        h.out(kLcr, 0x80);
        QCOMPARE(h.in(kDll), 0x00);
        QVERIFY(!h.uart.interruptPending());
        QVERIFY(h.uart.canReceive());
    }

    void lineReportsReceivedData() {
        Harness h;
        h.uart.receive('a');  // ERBFI clear: no interrupt
        QCOMPARE(h.changes(), Changes{});
        h.out(kIer, 0x01);
        QCOMPARE(h.changes(), Changes{true});
        h.uart.receive('b');  // 16450 mode: overwrites, the line stays up
        QCOMPARE(h.changes(), Changes{});
        QCOMPARE(h.in(kRbr), 'b');
        QCOMPARE(h.changes(), Changes{false});
        h.out(kFcr, 0x01);
        h.uart.receive('c');
        h.uart.receive('d');
        QCOMPARE(h.changes(), Changes{true});  // one rise for the first byte only
        h.in(kRbr);
        QCOMPARE(h.changes(), Changes{});  // 'd' is still there
        h.in(kRbr);
        QCOMPARE(h.changes(), Changes{false});
        h.uart.receive('e');
        h.out(kFcr, 0x03);  // clearing the receive FIFO removes the cause
        QCOMPARE(h.changes(), (Changes{true, false}));
    }

    void lineReportsThrEmpty() {
        Harness h;
        h.out(kIer, 0x02);
        QCOMPARE(h.changes(), Changes{true});
        h.in(kIir);
        QCOMPARE(h.changes(), Changes{false});
        h.out(kThr, 'x');  // empties at once: up again
        QCOMPARE(h.changes(), Changes{true});
        h.out(kThr, 'y');  // already up
        QCOMPARE(h.changes(), Changes{});
        h.out(kIer, 0x00);
        QCOMPARE(h.changes(), Changes{false});
        h.out(kScr, 0x12);
        h.in(kLsr);
        QCOMPARE(h.changes(), Changes{});
    }

    void linuxTxInterruptCycle() {
        // How the 8250 driver transmits by interrupt: start_tx sets ETBEI,
        // the handler reads IIR (THRE) and writes the bytes, and when the
        // buffer is empty stop_tx clears ETBEI. The PLIC sees one rising
        // edge per cycle and a falling one when the handler is done.
        Harness h;
        h.out(kFcr, 0x07);
        h.out(kIer, 0x01);  // receive interrupts stay on throughout
        QCOMPARE(h.changes(), Changes{});
        h.out(kIer, 0x03);  // start_tx
        QCOMPARE(h.changes(), Changes{true});
        QCOMPARE(h.in(kIir), 0xc2);  // the handler: THRE, which this read clears
        QCOMPARE(h.changes(), Changes{false});
        for (char c : std::string("abc")) h.out(kThr, static_cast<std::uint8_t>(c));
        QCOMPARE(h.changes(), Changes{true});
        h.out(kIer, 0x01);  // stop_tx
        QCOMPARE(h.changes(), Changes{false});
        QCOMPARE(h.in(kIir), 0xc1);
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{'a', 'b', 'c'}));
    }

    void lineReportsLineAndModemStatus() {
        Harness h;
        h.out(kIer, 0x0c);  // ELSI | EDSSI
        h.uart.receive('1');
        QCOMPARE(h.changes(), Changes{});
        h.uart.receive('2');  // overrun
        QCOMPARE(h.changes(), Changes{true});
        h.in(kLsr);
        QCOMPARE(h.changes(), Changes{false});
        h.out(kMcr, 0x10);  // loopback: modem inputs change
        QCOMPARE(h.changes(), Changes{true});
        h.in(kMsr);
        QCOMPARE(h.changes(), Changes{false});
        h.uart.receive('x');  // dropped in loopback: nothing
        QCOMPARE(h.changes(), Changes{});
    }

    void resetLowersTheLine() {
        Harness h;
        h.out(kIer, 0x02);
        QCOMPARE(h.changes(), Changes{true});
        h.uart.reset();
        QCOMPARE(h.changes(), Changes{false});
        QVERIFY(!h.uart.interruptPending());
        h.uart.reset();
        QCOMPARE(h.changes(), Changes{});
    }

    void guestRuntimePolling() {
        // What resources/guests/runtime/guest.c does: poll LSR.THRE, write
        // THR; poll LSR.DR, read RBR.
        Harness h;
        for (char c : std::string("ok\n")) {
            QVERIFY(h.in(kLsr) & 0x20);
            h.out(kThr, static_cast<std::uint8_t>(c));
        }
        QCOMPARE(h.sent, (std::vector<std::uint8_t>{'o', 'k', '\n'}));
        QCOMPARE(h.in(kLsr) & 0x01, 0);
        h.uart.receive('y');
        QVERIFY(h.in(kLsr) & 0x01);
        QCOMPARE(h.in(kRbr), 'y');
    }
};

QTEST_APPLESS_MAIN(UartTest)
#include "UartTest.moc"
