#pragma once
// The virt machine's console UART: a National Semiconductor / TI PC16550D
// ("ns16550a" in the device tree), register shift 0, as the Linux 8250 driver
// and Glasshart's bare-metal guest runtime drive it.
//
// What the model does, and the choices made where the datasheet leaves room
// (datasheet: TI "PC16550D Universal Asynchronous Receiver/Transmitter with
// FIFOs", SNLS378C; cited below by section name):
//
// * Registers are byte-wide at offsets 0..7. A wider (2/4/8-byte, naturally
//   aligned) access is taken as a byte access to the register at its offset:
//   reads return that register zero-extended, writes use the low byte. QEMU
//   7.2's memory-mapped 8250 behaves the same way (it admits 1..8-byte
//   accesses and performs one byte access), so guests that use `lw`/`sw` on
//   the UART work on both. Offsets 8 and up are not decoded (access fault):
//   QEMU maps only 8 << regshift bytes of the 0x100-byte window.
// * Transmission is instantaneous: each byte written to THR reaches the host
//   at once, so LSR.THRE and LSR.TEMT always read 1 and the transmit FIFO is
//   never anything but empty.
// * Receive FIFO: 16 bytes when FCR bit 0 enables the FIFOs, a single holding
//   register (16450 mode) otherwise. On overrun we follow the datasheet's
//   description of LSR bit 1 (OE): in FIFO mode the FIFO keeps its contents
//   and the new character is lost; in 16450 mode the new character
//   overwrites RBR. Either way LSR.OE is set until LSR is read. A host that
//   checks canReceive() first never overruns.
// * Character timeout ("FIFO Interrupt Mode Operation"; IIR = 0xC): the host
//   hands bytes over in bursts through receive() and nothing else is "on the
//   line", so the four character times are taken as already elapsed:
//   whenever the receive FIFO holds fewer bytes than the FCR trigger level
//   the timeout indication is pending (IIR 0xC); at or above the level it is
//   "received data available" (IIR 0x4). Reading the data clears both.
// * The THRE interrupt ("Interrupt Identification Register") is raised when
//   THR becomes empty, i.e. right after every THR write since transmission
//   is instant, and when IER.ETBEI goes from 0 to 1 while THR is empty (the
//   Linux driver's start_tx relies on that). Reading IIR clears it when THRE
//   is the interrupt IIR reports; writing THR clears and at once re-raises it.
// * No line errors exist on a virtual line, so LSR PE/FE/BI and bit 7 stay 0;
//   the receiver line status interrupt comes from OE alone.
// * Modem inputs: with no modem behind the host end we report CTS, DSR and
//   DCD asserted and RI deasserted (MSR[7:4] = 0xB), so drivers doing
//   hardware flow control or carrier detection proceed. In loopback (MCR
//   bit 4), as "Modem Control Register" describes, the inputs follow MCR
//   instead (CTS = RTS, DSR = DTR, RI = OUT1, DCD = OUT2), transmitted bytes
//   go to the receiver and not to the host, and the serial input is
//   disconnected: canReceive() is false and receive() drops the byte. The
//   delta bits MSR[3:0] record input changes (TERI on RI's 1 -> 0 edge)
//   until MSR is read.
// * The interrupt output is not gated by MCR.OUT2: that gate is external
//   glue logic on PC boards, absent on virt.
// * LSR and MSR ignore writes (the datasheet reserves LSR writes for factory
//   test). MCR bits 7:5 and IER bits 7:4 read as 0. FCR bits other than
//   bit 0 are only taken when bit 0 is written as 1, as "FIFO Control
//   Register" requires; any change of bit 0 empties the FIFOs.
// * reset() is a power-on reset: registers take their "master reset" values
//   from the datasheet's reset table, and the divisor latch and scratch
//   register (left alone by a master reset) are cleared too.
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>

#include "mem/MmioDevice.h"

namespace glasshart {

class Uart16550 final : public MmioDevice {
public:
    static constexpr unsigned kFifoDepth = 16;
    // The input clock the device tree announces (QEMU virt's 3.6864 MHz, so
    // that drivers compute the usual divisors). Transmission is instant
    // whatever the divisor says.
    static constexpr std::uint32_t kClockHz = 3'686'400;

    // `transmit` receives every byte the guest sends, at once.
    explicit Uart16550(std::function<void(std::uint8_t)> transmit);

    [[nodiscard]] std::string_view name() const override { return "uart0"; }
    bool read(std::uint64_t offset, unsigned size, std::uint64_t& value) override;
    bool write(std::uint64_t offset, unsigned size, std::uint64_t value) override;

    // Host -> guest: one byte arriving on the serial input.
    void receive(std::uint8_t byte);
    // Whether receive() would store the byte without an overrun.
    [[nodiscard]] bool canReceive() const;
    // The level of the INTR output (IIR bit 0 clear).
    [[nodiscard]] bool interruptPending() const;
    // Called with the new level each time INTR changes: during the guest's
    // register access that changed it, during receive(), or during reset().
    // Setting the callback reports nothing; read interruptPending() for the
    // level at that moment. On virt the line is PLIC source
    // memory_map::kUartPlicSource.
    void setInterruptCallback(std::function<void(bool)> callback) { interruptChanged_ = std::move(callback); }
    void reset();

private:
    // Register offsets with register shift 0 (datasheet, "Register Addressing").
    enum class Reg : std::uint8_t {
        RbrThrDll = 0,
        IerDlm = 1,
        IirFcr = 2,
        Lcr = 3,
        Mcr = 4,
        Lsr = 5,
        Msr = 6,
        Scr = 7,
    };

    // A byte ring of kFifoDepth entries; in 16450 mode only one is used.
    class ReceiveFifo {
    public:
        [[nodiscard]] unsigned size() const { return count_; }
        [[nodiscard]] bool empty() const { return count_ == 0; }
        void push(std::uint8_t byte);
        std::uint8_t pop();
        void overwriteNewest(std::uint8_t byte);
        void clear() { head_ = count_ = 0; }

    private:
        std::array<std::uint8_t, kFifoDepth> bytes_{};
        unsigned head_ = 0;
        unsigned count_ = 0;
    };

    [[nodiscard]] std::uint8_t readRegister(Reg reg);
    void writeRegister(Reg reg, std::uint8_t value);
    [[nodiscard]] std::uint8_t interruptIdentification() const;
    [[nodiscard]] bool fifoEnabled() const;
    [[nodiscard]] bool loopback() const;
    [[nodiscard]] unsigned triggerLevel() const;
    [[nodiscard]] std::uint8_t lineStatus() const;
    [[nodiscard]] std::uint8_t modemInputs() const;
    void updateModemInputs();
    void acceptCharacter(std::uint8_t byte);
    // Reports a change of INTR to the callback; run after every state change.
    void updateInterruptLine();

    std::function<void(std::uint8_t)> transmit_;
    std::function<void(bool)> interruptChanged_;
    bool interruptLine_ = false;
    ReceiveFifo rx_;
    std::uint8_t ier_ = 0;
    std::uint8_t fcr_ = 0;
    std::uint8_t lcr_ = 0;
    std::uint8_t mcr_ = 0;
    std::uint8_t scr_ = 0;
    std::uint8_t dll_ = 0;
    std::uint8_t dlm_ = 0;
    bool overrun_ = false;
    bool thrInterrupt_ = false;
    std::uint8_t msrInputs_ = 0;  // MSR[7:4] as last seen, for the delta bits
    std::uint8_t msrDeltas_ = 0;  // MSR[3:0]
};

}  // namespace glasshart
