// ProcessMemory: where mmap, brk and mremap put things and the errors they
// answer, as mmap(2), munmap(2), mprotect(2), mremap(2) and brk(2) describe.

#include <QtTest>

#include <cerrno>
#include <utility>
#include <vector>

#include "linux/LinuxAbi.h"
#include "linux/ProcessMemory.h"

using namespace glasshart;
using namespace glasshart::linux_abi;

namespace {

constexpr std::uint64_t kPage = 4096;
constexpr std::uint64_t kBase = 0x10000;
constexpr std::uint64_t kEnd = 0x1000'0000;
constexpr std::uint64_t kTop = 0x0800'0000;
constexpr std::uint64_t kRw = kProtRead | kProtWrite;
constexpr std::uint64_t kAnonymous = kMapPrivate | kMapAnonymous;

struct Fixture {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> released;
    ProcessMemory memory{kBase, kEnd, kTop, [this](std::uint64_t address, std::uint64_t length) {
                             released.emplace_back(address, length);
                         }};
    Fixture() {
        memory.reserve(kBase, 3 * kPage, kProtRead | kProtExec);  // a program of three pages
        memory.setBreakStart(kBase + 3 * kPage + 100);
    }
};

}  // namespace

class ProcessMemoryTest : public QObject {
    Q_OBJECT

private slots:
    void mappingsGoTopDownAndStartZeroed() {
        Fixture f;
        const std::int64_t first = f.memory.map(0, 5000, kRw, kAnonymous);
        QCOMPARE(first, std::int64_t(kTop - 2 * kPage));  // 5000 bytes take two pages
        QVERIFY(!f.released.empty());
        QCOMPARE(f.released.back(), std::make_pair(std::uint64_t(first), 2 * kPage));
        const std::int64_t second = f.memory.map(0, kPage, kRw, kAnonymous);
        QCOMPARE(second, first - std::int64_t(kPage));
        QVERIFY(f.memory.isMapped(static_cast<std::uint64_t>(second), 3 * kPage));
    }

    void aFreeHintIsTakenAnOccupiedOneIsNot() {
        Fixture f;
        QCOMPARE(f.memory.map(0x40'0123, kPage, kRw, kAnonymous), std::int64_t(0x40'0000));
        QCOMPARE(f.memory.map(0x40'0000, kPage, kRw, kAnonymous), std::int64_t(kTop - kPage));
    }

    void fixedMappingsReplaceAndNoreplaceRefuses() {
        Fixture f;
        const std::uint64_t at = 0x50'0000;
        QCOMPARE(f.memory.map(at, 4 * kPage, kRw, kAnonymous | kMapFixed), std::int64_t(at));
        QCOMPARE(f.memory.map(at + kPage, kPage, kProtRead, kAnonymous | kMapFixed), std::int64_t(at + kPage));
        QCOMPARE(f.memory.map(at + 2 * kPage, kPage, kRw, kAnonymous | kMapFixedNoreplace), std::int64_t(-EEXIST));
        QCOMPARE(f.memory.map(at + 1, kPage, kRw, kAnonymous | kMapFixed), std::int64_t(-EINVAL));
        QCOMPARE(f.memory.map(kEnd, kPage, kRw, kAnonymous | kMapFixed), std::int64_t(-ENOMEM));
        QCOMPARE(f.memory.map(0, 0, kRw, kAnonymous), std::int64_t(-EINVAL));
    }

    void unmapSplitsAndProtectNeedsMappedPages() {
        Fixture f;
        const auto at = static_cast<std::uint64_t>(f.memory.map(0, 3 * kPage, kRw, kAnonymous));
        QCOMPARE(f.memory.unmap(at + kPage, kPage), std::int64_t(0));
        QVERIFY(f.memory.isMapped(at, kPage));
        QVERIFY(!f.memory.isMapped(at, 2 * kPage));
        QVERIFY(f.memory.isMapped(at + 2 * kPage, kPage));
        QCOMPARE(f.memory.protect(at, kPage, kProtRead), std::int64_t(0));
        QCOMPARE(f.memory.protect(at, 3 * kPage, kProtRead), std::int64_t(-ENOMEM));
        QCOMPARE(f.memory.protect(at + 1, kPage, kProtRead), std::int64_t(-EINVAL));
        QCOMPARE(f.memory.unmap(at + 1, kPage), std::int64_t(-EINVAL));
        // The hole is free again: a fixed mapping without replacing fits it.
        QCOMPARE(f.memory.map(at + kPage, kPage, kRw, kAnonymous | kMapFixedNoreplace), std::int64_t(at + kPage));
    }

    void breakGrowsShrinksAndStopsAtAMapping() {
        Fixture f;
        const std::uint64_t start = f.memory.setBreak(0);
        QCOMPARE(start, kBase + 4 * kPage);  // the end of the program, page-aligned
        QCOMPARE(f.memory.setBreak(start + 10000), start + 10000);
        QCOMPARE(f.memory.setBreak(start - 1), start + 10000);  // below the start: refused
        QVERIFY(f.memory.isMapped(start, 10000));
        QCOMPARE(f.memory.map(start + 0x10'0000, kPage, kRw, kAnonymous | kMapFixed),
                 std::int64_t(start + 0x10'0000));
        QCOMPARE(f.memory.setBreak(start + 0x20'0000), start + 10000);  // would cover the mapping
        f.released.clear();
        QCOMPARE(f.memory.setBreak(start), start);
        QCOMPARE(f.released.size(), std::size_t{1});
        QCOMPARE(f.released[0], std::make_pair(start, 3 * kPage));  // the pages given back read as zero
    }

    void remapGrowsInPlaceOrMoves() {
        Fixture f;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> moves;
        auto move = [&](std::uint64_t from, std::uint64_t to, std::uint64_t) { moves.emplace_back(from, to); };
        // Free pages above: it grows where it is.
        const std::uint64_t alone = 0x60'0000;
        QCOMPARE(f.memory.map(alone, kPage, kRw, kAnonymous | kMapFixed), std::int64_t(alone));
        QCOMPARE(f.memory.remap(alone, kPage, 4 * kPage, 0, move), std::int64_t(alone));
        QVERIFY(f.memory.isMapped(alone, 4 * kPage));
        // A mapping right above: only MREMAP_MAYMOVE lets it grow, elsewhere.
        const auto at = static_cast<std::uint64_t>(f.memory.map(0, 2 * kPage, kRw, kAnonymous));
        QCOMPARE(f.memory.map(at + 2 * kPage, kPage, kRw, kAnonymous | kMapFixedNoreplace), std::int64_t(at + 2 * kPage));
        QCOMPARE(f.memory.remap(at, 2 * kPage, 8 * kPage, 0, move), std::int64_t(-ENOMEM));
        QVERIFY(moves.empty());
        const std::int64_t moved = f.memory.remap(at, 2 * kPage, 8 * kPage, kMremapMaymove, move);
        QVERIFY(moved > 0 && std::uint64_t(moved) != at);
        QCOMPARE(moves.size(), std::size_t{1});
        QCOMPARE(moves[0], std::make_pair(at, std::uint64_t(moved)));
        QVERIFY(!f.memory.isMapped(at, kPage));
        QVERIFY(f.memory.isMapped(static_cast<std::uint64_t>(moved), 8 * kPage));
        // Shrinking stays put; a range that is not mapped is EFAULT.
        QCOMPARE(f.memory.remap(static_cast<std::uint64_t>(moved), 8 * kPage, kPage, 0, move), moved);
        QVERIFY(!f.memory.isMapped(static_cast<std::uint64_t>(moved) + kPage, kPage));
        QCOMPARE(f.memory.remap(at, kPage, 2 * kPage, kMremapMaymove, move), std::int64_t(-EFAULT));
    }
};

QTEST_GUILESS_MAIN(ProcessMemoryTest)
#include "ProcessMemoryTest.moc"
