#include "dev/Uart16550.h"

#include <utility>

namespace glasshart {

namespace {

// Register bits (PC16550D datasheet, register descriptions).
constexpr std::uint8_t kIerReceivedData = 0x01;    // ERBFI
constexpr std::uint8_t kIerThrEmpty = 0x02;        // ETBEI
constexpr std::uint8_t kIerLineStatus = 0x04;      // ELSI
constexpr std::uint8_t kIerModemStatus = 0x08;     // EDSSI
constexpr std::uint8_t kIerWritable = 0x0f;        // bits 7:4 are always 0

constexpr std::uint8_t kIirNoInterrupt = 0x01;
constexpr std::uint8_t kIirModemStatus = 0x00;
constexpr std::uint8_t kIirThrEmpty = 0x02;
constexpr std::uint8_t kIirReceivedData = 0x04;
constexpr std::uint8_t kIirLineStatus = 0x06;
constexpr std::uint8_t kIirCharacterTimeout = 0x0c;
constexpr std::uint8_t kIirFifosEnabled = 0xc0;    // bits 7:6 mirror FCR bit 0

constexpr std::uint8_t kFcrEnable = 0x01;
constexpr std::uint8_t kFcrClearReceive = 0x02;
// Bits kept in fcr_: enable, DMA mode (bit 3, no effect here) and the
// receive trigger (bits 7:6). The clear bits are self-clearing.
constexpr std::uint8_t kFcrStored = 0xc9;

constexpr std::uint8_t kLcrDlab = 0x80;

constexpr std::uint8_t kMcrDtr = 0x01;
constexpr std::uint8_t kMcrRts = 0x02;
constexpr std::uint8_t kMcrOut1 = 0x04;
constexpr std::uint8_t kMcrOut2 = 0x08;
constexpr std::uint8_t kMcrLoop = 0x10;
constexpr std::uint8_t kMcrWritable = 0x1f;        // bits 7:5 are always 0

constexpr std::uint8_t kLsrDataReady = 0x01;
constexpr std::uint8_t kLsrOverrun = 0x02;
constexpr std::uint8_t kLsrThrEmpty = 0x20;
constexpr std::uint8_t kLsrTransmitterEmpty = 0x40;

constexpr std::uint8_t kMsrCts = 0x10;
constexpr std::uint8_t kMsrDsr = 0x20;
constexpr std::uint8_t kMsrRi = 0x40;
constexpr std::uint8_t kMsrDcd = 0x80;
constexpr std::uint8_t kMsrDeltaCts = 0x01;
constexpr std::uint8_t kMsrDeltaDsr = 0x02;
constexpr std::uint8_t kMsrTrailingEdgeRi = 0x04;
constexpr std::uint8_t kMsrDeltaDcd = 0x08;

// With no modem at the host end the inputs read as a connected, ready peer.
constexpr std::uint8_t kHostModemInputs = kMsrCts | kMsrDsr | kMsrDcd;

constexpr unsigned kRegisterCount = 8;

}  // namespace

// --- receive FIFO ------------------------------------------------------------

void Uart16550::ReceiveFifo::push(std::uint8_t byte) {
    bytes_[(head_ + count_) % kFifoDepth] = byte;
    ++count_;
}

std::uint8_t Uart16550::ReceiveFifo::pop() {
    const std::uint8_t byte = bytes_[head_];
    head_ = (head_ + 1) % kFifoDepth;
    --count_;
    return byte;
}

void Uart16550::ReceiveFifo::overwriteNewest(std::uint8_t byte) {
    bytes_[(head_ + count_ - 1) % kFifoDepth] = byte;
}

// --- device ------------------------------------------------------------------

Uart16550::Uart16550(std::function<void(std::uint8_t)> transmit) : transmit_(std::move(transmit)) { reset(); }

void Uart16550::reset() {
    rx_.clear();
    ier_ = 0;
    fcr_ = 0;
    lcr_ = 0;
    mcr_ = 0;
    scr_ = 0;
    dll_ = 0;
    dlm_ = 0;
    overrun_ = false;
    thrInterrupt_ = false;
    msrInputs_ = modemInputs();
    msrDeltas_ = 0;
    updateInterruptLine();
}

bool Uart16550::fifoEnabled() const { return (fcr_ & kFcrEnable) != 0; }

bool Uart16550::loopback() const { return (mcr_ & kMcrLoop) != 0; }

unsigned Uart16550::triggerLevel() const {
    // FCR bits 7:6 select 1, 4, 8 or 14 bytes ("FIFO Control Register").
    static constexpr std::array<unsigned, 4> kLevels = {1, 4, 8, 14};
    return kLevels[fcr_ >> 6];
}

std::uint8_t Uart16550::lineStatus() const {
    std::uint8_t lsr = kLsrThrEmpty | kLsrTransmitterEmpty;  // transmission is instant
    if (!rx_.empty()) lsr |= kLsrDataReady;
    if (overrun_) lsr |= kLsrOverrun;
    return lsr;
}

std::uint8_t Uart16550::modemInputs() const {
    if (!loopback()) return kHostModemInputs;
    // Loopback wires the modem outputs to the inputs ("Modem Control Register", bit 4).
    std::uint8_t inputs = 0;
    if (mcr_ & kMcrRts) inputs |= kMsrCts;
    if (mcr_ & kMcrDtr) inputs |= kMsrDsr;
    if (mcr_ & kMcrOut1) inputs |= kMsrRi;
    if (mcr_ & kMcrOut2) inputs |= kMsrDcd;
    return inputs;
}

void Uart16550::updateModemInputs() {
    const std::uint8_t now = modemInputs();
    const std::uint8_t changed = now ^ msrInputs_;
    if (changed & kMsrCts) msrDeltas_ |= kMsrDeltaCts;
    if (changed & kMsrDsr) msrDeltas_ |= kMsrDeltaDsr;
    if ((msrInputs_ & kMsrRi) && !(now & kMsrRi)) msrDeltas_ |= kMsrTrailingEdgeRi;
    if (changed & kMsrDcd) msrDeltas_ |= kMsrDeltaDcd;
    msrInputs_ = now;
}

std::uint8_t Uart16550::interruptIdentification() const {
    // Priorities from highest to lowest ("Interrupt Identification Register").
    std::uint8_t id = kIirNoInterrupt;
    if ((ier_ & kIerLineStatus) && overrun_) {
        id = kIirLineStatus;
    } else if ((ier_ & kIerReceivedData) && !rx_.empty()) {
        const bool atTrigger = !fifoEnabled() || rx_.size() >= triggerLevel();
        id = atTrigger ? kIirReceivedData : kIirCharacterTimeout;
    } else if ((ier_ & kIerThrEmpty) && thrInterrupt_) {
        id = kIirThrEmpty;
    } else if ((ier_ & kIerModemStatus) && msrDeltas_ != 0) {
        id = kIirModemStatus;
    }
    return fifoEnabled() ? static_cast<std::uint8_t>(id | kIirFifosEnabled) : id;
}

bool Uart16550::interruptPending() const { return (interruptIdentification() & kIirNoInterrupt) == 0; }

void Uart16550::updateInterruptLine() {
    const bool level = interruptPending();
    if (level == interruptLine_) return;
    interruptLine_ = level;
    if (interruptChanged_) interruptChanged_(level);
}

bool Uart16550::canReceive() const {
    if (loopback()) return false;
    return fifoEnabled() ? rx_.size() < kFifoDepth : rx_.empty();
}

void Uart16550::receive(std::uint8_t byte) {
    // In loopback the serial input is disconnected from the receiver.
    if (loopback()) return;
    acceptCharacter(byte);
    updateInterruptLine();
}

void Uart16550::acceptCharacter(std::uint8_t byte) {
    const unsigned capacity = fifoEnabled() ? kFifoDepth : 1;
    if (rx_.size() < capacity) {
        rx_.push(byte);
        return;
    }
    // Overrun (LSR bit 1): a full FIFO keeps its bytes and loses the new one;
    // the 16450-mode holding register is overwritten by it.
    overrun_ = true;
    if (!fifoEnabled()) rx_.overwriteNewest(byte);
}

std::uint8_t Uart16550::readRegister(Reg reg) {
    const bool dlab = (lcr_ & kLcrDlab) != 0;
    switch (reg) {
    case Reg::RbrThrDll:
        if (dlab) return dll_;
        return rx_.empty() ? 0 : rx_.pop();
    case Reg::IerDlm:
        return dlab ? dlm_ : ier_;
    case Reg::IirFcr: {
        const std::uint8_t iir = interruptIdentification();
        // Reading IIR while it reports THRE clears that interrupt.
        if ((iir & 0x0f) == kIirThrEmpty) thrInterrupt_ = false;
        return iir;
    }
    case Reg::Lcr:
        return lcr_;
    case Reg::Mcr:
        return mcr_;
    case Reg::Lsr: {
        const std::uint8_t lsr = lineStatus();
        overrun_ = false;  // the error bits clear when LSR is read
        return lsr;
    }
    case Reg::Msr: {
        const std::uint8_t msr = static_cast<std::uint8_t>(msrInputs_ | msrDeltas_);
        msrDeltas_ = 0;
        return msr;
    }
    case Reg::Scr:
        return scr_;
    }
    return 0;
}

void Uart16550::writeRegister(Reg reg, std::uint8_t value) {
    const bool dlab = (lcr_ & kLcrDlab) != 0;
    switch (reg) {
    case Reg::RbrThrDll:
        if (dlab) {
            dll_ = value;
            return;
        }
        if (loopback()) {
            acceptCharacter(value);
        } else if (transmit_) {
            transmit_(value);
        }
        // THR empties at once, which raises the THRE interrupt again.
        thrInterrupt_ = true;
        return;
    case Reg::IerDlm: {
        if (dlab) {
            dlm_ = value;
            return;
        }
        const std::uint8_t old = ier_;
        ier_ = value & kIerWritable;
        if (!(old & kIerThrEmpty) && (ier_ & kIerThrEmpty)) thrInterrupt_ = true;
        return;
    }
    case Reg::IirFcr: {
        const bool wasEnabled = fifoEnabled();
        const bool enable = (value & kFcrEnable) != 0;
        if (enable != wasEnabled) rx_.clear();
        if (!enable) {
            fcr_ = 0;  // the other bits are not programmed while bit 0 is 0
            return;
        }
        // Bit 1 empties the receive FIFO; bit 2 would empty the transmit
        // FIFO, which transmission keeps empty anyway.
        if (value & kFcrClearReceive) rx_.clear();
        fcr_ = value & kFcrStored;
        return;
    }
    case Reg::Lcr:
        lcr_ = value;
        return;
    case Reg::Mcr:
        mcr_ = value & kMcrWritable;
        updateModemInputs();
        return;
    case Reg::Lsr:
    case Reg::Msr:
        return;  // read-only here, see the header
    case Reg::Scr:
        scr_ = value;
        return;
    }
}

// Every access size is a byte access to the register at `offset` (header).
bool Uart16550::read(std::uint64_t offset, [[maybe_unused]] unsigned size, std::uint64_t& value) {
    if (offset >= kRegisterCount) return false;
    value = readRegister(static_cast<Reg>(offset));
    updateInterruptLine();
    return true;
}

bool Uart16550::write(std::uint64_t offset, [[maybe_unused]] unsigned size, std::uint64_t value) {
    if (offset >= kRegisterCount) return false;
    writeRegister(static_cast<Reg>(offset), static_cast<std::uint8_t>(value));
    updateInterruptLine();
    return true;
}

}  // namespace glasshart
