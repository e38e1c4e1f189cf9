#include "dbt/Dispatcher.h"

#include <asmjit/x86.h>

#include <cstddef>
#include <stdexcept>

#include "dbt/HostRegisters.h"

namespace glasshart {
namespace {

namespace x86 = asmjit::x86;
using asmjit::Imm;


// The start of the arena that holds the prologue and epilogue.
constexpr std::size_t kTrampolineBytes = 256;

const auto kHostStackBaseOffset = static_cast<std::int32_t>(offsetof(HartState, hostStackBase));
const auto kHostStackFloorOffset = static_cast<std::int32_t>(offsetof(HartState, hostStackFloor));

// How deep guest calls may nest as host calls (16 bytes a frame); deeper
// calls are plain jumps, whose returns find no frame and take the jump
// cache.
constexpr std::int32_t kReturnStackBytes = 2048 * 16;

// Records where the return-address stack starts and ends, and puts a
// sentinel frame at its base: its guest pc is odd, and a return target
// never is, so no return ever takes it.
void emitReturnStackBase(x86::Assembler& a) {
    a.mov(x86::qword_ptr(host::kState, kHostStackBaseOffset), x86::rsp);
    a.lea(x86::rcx, x86::ptr(x86::rsp, -kReturnStackBytes));
    a.mov(x86::qword_ptr(host::kState, kHostStackFloorOffset), x86::rcx);
    a.push(Imm(1));
    a.push(Imm(0));
}
}  // namespace

Dispatcher::Dispatcher(Hart& hart, Bus& bus, Interpreter& interpreter, const Breakpoints& breakpoints,
                       std::uint64_t cacheSize)
    : hart_(hart),
      bus_(bus),
      interpreter_(interpreter),
      breakpoints_(breakpoints),
      cache_(cacheSize, kTrampolineBytes, bus.ram()),
      enter_(nullptr),
      translator_(hart.xlen(), bus, cache_, breakpoints, emitTrampolines()) {
    updateEmitPolicy();
}

void Dispatcher::breakpointsChanged() {
    // Old blocks may run across a new breakpoint, and chained or jump-cached
    // code would pass one without coming back here: retranslate whether or
    // not the policy changes.
    translator_.setPolicy(wantedPolicy());
    flush();
}

void Dispatcher::flush() {
    cache_.flush();
    lastExit_ = nullptr;
}

void Dispatcher::updateEmitPolicy() {
    // A block that loops in place passes the dispatcher by as a chained exit
    // does, and a profiled block counts its entries: both are decided when a
    // block is translated, so a change retranslates.
    if (wantedPolicy() == translator_.policy()) return;
    translator_.setPolicy(wantedPolicy());
    flush();
}

EmitPolicy Dispatcher::wantedPolicy() { return EmitPolicy{chaining(), profiling_ ? &recent_ : nullptr}; }

TranslationTargets Dispatcher::emitTrampolines() {
    asmjit::CodeHolder code;
    code.init(asmjit::Environment::host());
    x86::Assembler a(&code);
    Ram& ram = bus_.ram();

    // ExitSlot* enter(hostEntry): six pushes plus the return address leave
    // rsp 8 bytes off a 16-byte boundary; the sub makes calls from
    // translated code ABI-aligned.
    for (const x86::Gp& reg : host::kCalleeSaved) a.push(reg);
    a.mov(x86::rax, x86::rdi);  // rdi is about to hold a guest register
    a.sub(x86::rsp, Imm(8));
    a.mov(host::kState, Imm(reinterpret_cast<std::uintptr_t>(&hart_.state())));
    a.mov(host::kRamHost, Imm(reinterpret_cast<std::uintptr_t>(ram.hostBase())));
    a.mov(host::kWatchFlags, Imm(reinterpret_cast<std::uintptr_t>(ram.watchFlags())));
    emitReturnStackBase(a);
    host::loadBudget(a);
    for (const host::GuestHome& home : host::kResident) a.mov(home.host, host::guestSlot(home.guest));
    a.jmp(x86::rax);

    const asmjit::Label epilogue = a.newLabel();
    a.bind(epilogue);
    // Wherever translated code left from, the return frames go with it.
    a.mov(x86::rsp, x86::qword_ptr(host::kState, kHostStackBaseOffset));
    host::storeRetired(a, x86::rdx);  // rax is the exit
    for (const host::GuestHome& home : host::kResident) a.mov(host::guestSlot(home.guest), home.host);
    a.add(x86::rsp, Imm(8));
    for (auto reg = host::kCalleeSaved.rbegin(); reg != host::kCalleeSaved.rend(); ++reg) a.pop(*reg);
    a.ret();

    code.flatten();
    code.resolveUnresolvedLinks();
    const std::size_t size = code.codeSize();
    if (size > kTrampolineBytes) throw std::logic_error("dispatcher trampolines outgrew their space");
    CodeArena& arena = cache_.arena();
    code.relocateToBase(arena.executableAddress(0));
    code.copyFlattenedData(arena.writable(0), size);

    enter_ = reinterpret_cast<Entry>(arena.executableAddress(0));
    return TranslationTargets{arena.executableAddress(code.labelOffset(epilogue)),
                              reinterpret_cast<std::uintptr_t>(&Dispatcher::interpretSite),
                              reinterpret_cast<std::uintptr_t>(this),
                              reinterpret_cast<std::uintptr_t>(cache_.jumpCache())};
}

std::uint32_t Dispatcher::interpretSite(void* self, const InstructionSite* site) {
    auto& dispatcher = *static_cast<Dispatcher*>(self);
    Hart& hart = dispatcher.hart_;
    HartState& s = hart.state();
    // The block charged all its instructions on entry; give back this one and
    // those after it, so the interpreter sees the exact count.
    const std::uint64_t notYetRetired = site->blockLength - site->index;
    s.retired -= notYetRetired;
    s.pc = site->pc;
    const std::uint64_t context = s.translationContext;
    const std::uint64_t epoch = dispatcher.cache_.invalidationEpoch();
    const Completion completion = dispatcher.interpreter_.execute(site->instruction);
    if (completion == Completion::Retired) ++s.retired;
    const bool fallsThrough = completion == Completion::Retired &&
                              s.pc == hart.truncate(site->pc + site->instruction.length);
    // Return frames on the host stack lead into translated code made for
    // this context, and maybe into a block just dropped: leave (dropping
    // the frames) when either changed.
    const bool framesStillGood = s.translationContext == context && dispatcher.cache_.invalidationEpoch() == epoch;
    // Leave the block after a trap, a jump, or a request for attention
    // (interrupt enabled, device poked, wfi).
    if (!fallsThrough || !framesStillGood || s.eventAt <= s.retired) return 1;
    s.retired += notYetRetired - 1;
    return 0;
}

void Dispatcher::setChaining(bool enabled) {
    chainingWanted_ = enabled;
    updateEmitPolicy();
}

void Dispatcher::setProfiling(bool on) {
    profiling_ = on;
    updateEmitPolicy();
}

void Dispatcher::setBlockObserver(BlockObserver observer) {
    blockObserver_ = std::move(observer);
    updateEmitPolicy();
}

void Dispatcher::dispatchOnce() {
    HartState& s = hart_.state();
    const std::uint64_t pc = s.pc;
    const std::uint64_t retiredBefore = s.retired;
    executeOnce();
    if (blockObserver_ && s.retired != retiredBefore) {
        blockObserver_(pc, static_cast<std::uint32_t>(s.retired - retiredBefore));
    }
}

std::optional<BlockKey> Dispatcher::currentBlockKey() {
    HartState& s = hart_.state();
    Mmu& mmu = hart_.mmu();
    auto translated = mmu.translate(s.pc, AccessType::Fetch);
    const auto* physical = std::get_if<std::uint64_t>(&translated);
    if (physical == nullptr) return std::nullopt;
    return BlockKey{s.pc, *physical, mmu.dataTranslated(), mmu.fetchTranslated()};
}

bool Dispatcher::mayChain(const ExitSlot& exit, const BlockKey& target) const {
    // A chained jump skips the fetch translation, so under paging it may only
    // stay within the page the source block was entered in, mapped as it was
    // then (the mapping was checked on entry).
    if (!chaining() || exit.targetPc != target.pc) return false;
    const BlockKey& source = exit.owner->key;
    if (!source.sameMode(target)) return false;
    return !target.fetchTranslated || ((source.pc >> kPageShift) == (target.pc >> kPageShift) &&
                                       (source.physical >> kPageShift) == (target.physical >> kPageShift));
}

void Dispatcher::executeOnce() {
    HartState& s = hart_.state();
    const std::optional<BlockKey> key = currentBlockKey();
    TranslatedBlock* block = nullptr;
    if (key) {
        block = cache_.lookup(*key);
        if (block == nullptr) block = translator_.translate(*key);
    }
    if (block == nullptr) {
        // A fetch fault, or an instruction straddling a page end: the
        // interpreter raises or executes it.
        lastExit_ = nullptr;
        interpreter_.step();
        return;
    }
    // After a flush the last exit (and its block) no longer exist: check first.
    const bool exitAlive = lastExit_ != nullptr && lastExitGeneration_ == cache_.generation();
    if (exitAlive && mayChain(*lastExit_, *key)) cache_.chain(*lastExit_, *block);
    lastExit_ = nullptr;
    if (s.eventAt - s.retired < block->instructionCount) {
        // The block would run past the event: interpret up to it exactly.
        // None of these is the block's last instruction, so only a trap
        // leaves the straight line early.
        while (s.retired < s.eventAt && interpreter_.step() == Completion::Retired) {
        }
        return;
    }
    if (chaining()) cache_.rememberJumpTarget(*block, s.translationContext);
    lastExit_ = enter_(cache_.arena().executableAddress(block->hostOffset));
    lastExitGeneration_ = cache_.generation();
}

bool Dispatcher::mayContinue() const {
    const HartState& s = hart_.state();
    return s.retired < s.eventAt && !s.waitingForInterrupt && !interpreter_.lockedUp() &&
           !breakpoints_.contains(s.pc);
}

void Dispatcher::run() {
    while (mayContinue()) dispatchOnce();
}

void Dispatcher::runOneBlock() {
    if (mayContinue()) dispatchOnce();
}

}  // namespace glasshart
