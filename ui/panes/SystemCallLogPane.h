#pragma once

#include <QPlainTextEdit>
#include <QVector>

#include "inspect/InspectorEvent.h"

namespace glasshart {

class Inspector;

// A Linux program's system calls as it makes them, one line each: the
// instruction count, the ecall's pc, the call with its first three
// arguments, and the result (with the errno's name when it failed). The
// newest kMaxLines are kept. Empty for a bare-metal guest.
class SystemCallLogPane : public QPlainTextEdit {
    Q_OBJECT

public:
    static constexpr int kMaxLines = 5000;

    explicit SystemCallLogPane(Inspector& inspector, QWidget* parent = nullptr);

private:
    void takeEvents(const QVector<InspectorEvent>& events);
    [[nodiscard]] QString describe(const InspectorEvent& event) const;

    Inspector& inspector_;
};

}  // namespace glasshart
