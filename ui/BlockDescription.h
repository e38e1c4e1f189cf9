#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QVector>

#include "dbt/TranslatedBlock.h"

namespace glasshart {

// A translated block as the trace viewer shows it: the guest bytes, the
// host bytes they became, and which host range each guest instruction took.
struct BlockDescription {
    bool found = false;              // false: no live translation at guestPc
    quint64 guestPc = 0;
    quint64 guestEnd = 0;
    quint64 hostAddress = 0;         // where the host code runs (for display)
    quint64 translationSerial = 0;   // age: n-th block since start
    QByteArray guestCode;
    QByteArray hostCode;             // the block's whole host code, slow paths included
    QVector<InstructionSpan> spans;  // offsets relative to hostCode
    QVector<RegisterHome> registerHomes;
};

// Which translated blocks ran: the hottest by entry count, and the most
// recently entered (newest first). Both empty under the interpreter.
struct BlockActivity {
    struct Hot {
        quint64 guestPc = 0;
        quint64 executions = 0;
        quint32 instructionCount = 0;
    };
    QVector<Hot> hottest;
    QVector<quint64> recent;
};

// Guest memory as the hart sees it at the moment of the read: through the
// page tables when paging applies to the access, else physical. Only RAM is
// read (a device register could have side effects). Pages the hart cannot
// access are not read: the bytes are the first readable run of the range
// asked for, so a window around the pc still shows the pc's page when the
// page before it is not mapped.
struct MemoryContents {
    quint64 requested = 0;   // the start of the range asked for: pairs the answer with its request
    quint64 address = 0;     // where `bytes` start (requested, unless pages before were unreadable)
    QByteArray bytes;        // empty: nothing in the range can be read
    bool translated = false;  // the addresses were virtual: read through the page tables
};

}  // namespace glasshart

Q_DECLARE_METATYPE(glasshart::BlockDescription)
Q_DECLARE_METATYPE(glasshart::MemoryContents)
Q_DECLARE_METATYPE(glasshart::BlockActivity)
