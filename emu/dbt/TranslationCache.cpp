#include "dbt/TranslationCache.h"

#include <algorithm>
#include <stdexcept>

namespace glasshart {
namespace {

// No guest pc is odd (IALIGN is 16 bits), so an odd pc marks an empty entry.
constexpr JumpCacheEntry kEmptyJumpCacheEntry{1, 0, 0, 0};
static_assert(sizeof(JumpCacheEntry) == 32, "translated code scales the jump cache index by 32");

std::uint64_t pageOf(std::uint64_t address) { return address >> Ram::kPageShift; }

}  // namespace

TranslationCache::TranslationCache(std::size_t capacity, std::size_t reserved, Ram& ram)
    : arena_(capacity + reserved), reserved_(reserved), used_(reserved), ram_(ram) {
    jumpCache_.fill(kEmptyJumpCacheEntry);
}

void TranslationCache::publish(const CacheEvent& event) const {
    if (eventHook_) eventHook_(event);
}

TranslatedBlock* TranslationCache::lookup(const BlockKey& key) {
    ++statistics_.lookups;
    const auto found = index_.find(key);
    if (found == index_.end()) {
        ++statistics_.lookupMisses;
        return nullptr;
    }
    return found->second;
}

const TranslatedBlock* TranslationCache::blockContaining(std::uint64_t guestPc) const {
    const TranslatedBlock* containing = nullptr;
    for (const auto& [key, block] : index_) {
        if (block->guestPc == guestPc) return block;
        if (block->guestPc <= guestPc && guestPc < block->guestEnd) containing = block;
    }
    return containing;
}

std::uint64_t TranslationCache::reserve(std::size_t size) {
    if (size > capacity()) throw std::length_error("a translated block is larger than the whole translation cache");
    if (used_ + size > arena_.capacity()) flush();
    return used_;
}

TranslatedBlock& TranslationCache::insert(std::unique_ptr<TranslatedBlock> block) {
    TranslatedBlock& placed = *block;
    placed.translationSerial = serial_++;
    used_ = placed.hostOffset + placed.hostSize;
    index_[placed.key] = &placed;
    const std::uint64_t page = pageOf(placed.key.physical);
    blocksByPage_[page].push_back(&placed);
    ram_.watch(page << Ram::kPageShift, Ram::kTranslatedCode);
    ++statistics_.blocksTranslated;
    statistics_.instructionsTranslated += placed.instructionCount;
    statistics_.hostBytesEmitted += placed.hostSize;
    blocks_.push_back(std::move(block));
    publish({CacheEventKind::BlockTranslated, placed.guestPc, placed.hostOffset, placed.hostSize, 0});
    return placed;
}

void TranslationCache::flush() {
    if (blocks_.empty()) return;  // nothing to drop: not a flush anyone should see
    for (const auto& [page, pageBlocks] : blocksByPage_) ram_.unwatch(page << Ram::kPageShift, Ram::kTranslatedCode);
    blocksByPage_.clear();
    index_.clear();
    blocks_.clear();
    jumpCache_.fill(kEmptyJumpCacheEntry);
    used_ = reserved_;
    ++statistics_.flushes;
    publish({CacheEventKind::Flushed});
}

void TranslationCache::invalidate(std::uint64_t address, std::uint64_t size) {
    const std::uint64_t end = address + size;
    for (std::uint64_t page = pageOf(address); page <= pageOf(end - 1); ++page) {
        const auto found = blocksByPage_.find(page);
        if (found == blocksByPage_.end()) continue;
        // Copy: drop() edits the per-page lists.
        const std::vector<TranslatedBlock*> candidates = found->second;
        for (TranslatedBlock* block : candidates) {
            if (block->key.physical < end && address < block->physicalEnd) drop(*block);
        }
    }
}

void TranslationCache::drop(TranslatedBlock& block) {
    // The code stays in the arena until the next flush: the block may be the
    // one executing right now, and the dispatcher returns through it.
    block.valid = false;
    index_.erase(block.key);
    for (ExitSlot* incoming : block.incoming) unchain(*incoming);
    block.incoming.clear();
    for (std::uint8_t i = 0; i < block.exitCount; ++i) {
        ExitSlot& exit = block.exits[i];
        if (exit.chainedTo == nullptr) continue;
        auto& others = exit.chainedTo->incoming;
        others.erase(std::remove(others.begin(), others.end(), &exit), others.end());
        unchain(exit);
    }
    JumpCacheEntry& entry = jumpCache_[jumpCacheIndex(block.guestPc)];
    if (entry.hostEntry == arena_.executableAddress(block.hostOffset)) entry = kEmptyJumpCacheEntry;
    const std::uint64_t page = pageOf(block.key.physical);
    auto& pageBlocks = blocksByPage_[page];
    pageBlocks.erase(std::remove(pageBlocks.begin(), pageBlocks.end(), &block), pageBlocks.end());
    if (pageBlocks.empty()) {
        blocksByPage_.erase(page);
        ram_.unwatch(page << Ram::kPageShift, Ram::kTranslatedCode);
    }
    ++statistics_.invalidations;
    publish({CacheEventKind::BlockInvalidated, block.guestPc, block.hostOffset, block.hostSize, 0});
}

void TranslationCache::unchain(ExitSlot& exit) {
    const std::uint64_t base = exit.owner->hostOffset;
    arena_.patchJump(base + exit.jumpOffset, base + exit.unchainedOffset);
    exit.chainedTo = nullptr;
}

void TranslationCache::chain(ExitSlot& exit, TranslatedBlock& target) {
    if (exit.chainedTo != nullptr || !exit.owner->valid || !target.valid) return;
    arena_.patchJump(exit.owner->hostOffset + exit.jumpOffset, target.hostOffset);
    exit.chainedTo = &target;
    target.incoming.push_back(&exit);
    ++statistics_.chainsMade;
    publish({CacheEventKind::ChainPatched, exit.owner->guestPc, exit.owner->hostOffset, exit.owner->hostSize,
          target.guestPc});
}

void TranslationCache::rememberJumpTarget(const TranslatedBlock& block, std::uint64_t context) {
    jumpCache_[jumpCacheIndex(block.guestPc)] = {block.guestPc, context, arena_.executableAddress(block.hostOffset), 0};
}

}  // namespace glasshart
