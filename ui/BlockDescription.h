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
};

}  // namespace glasshart

Q_DECLARE_METATYPE(glasshart::BlockDescription)
