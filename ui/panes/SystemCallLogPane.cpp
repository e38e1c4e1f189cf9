#include "panes/SystemCallLogPane.h"

#include <QFontDatabase>
#include <QScrollBar>

#include <cstring>

#include "Inspector.h"
#include "linux/SyscallTable.h"

namespace glasshart {
namespace {

QString hex(quint64 value) { return QStringLiteral("0x%1").arg(value, 0, 16); }

// Linux returns an error as -errno, from -4095 to -1 (include/linux/err.h).
constexpr std::int64_t kLargestErrno = 4095;

}  // namespace

SystemCallLogPane::SystemCallLogPane(Inspector& inspector, QWidget* parent)
    : QPlainTextEdit(parent), inspector_(inspector) {
    setObjectName(QStringLiteral("systemCallLog"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setMaximumBlockCount(kMaxLines);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setPlaceholderText(tr("A Linux program's system calls appear here as it makes them."));
    connect(&inspector_, &Inspector::cacheEvents, this, &SystemCallLogPane::takeEvents);
    connect(&inspector_, &Inspector::programOpened, this, &QPlainTextEdit::clear);
}

QString SystemCallLogPane::describe(const InspectorEvent& event) const {
    const std::string_view name = syscallName(event.detail, inspector_.snapshot().xlen);
    const QString call = name.empty() ? tr("syscall %1").arg(event.detail)
                                      : QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    const auto result = static_cast<std::int64_t>(event.value);
    QString outcome = QString::number(result);
    if (result < 0 && result >= -kLargestErrno) {
        if (const char* errorName = strerrorname_np(static_cast<int>(-result))) {
            outcome += QStringLiteral(" (%1)").arg(QString::fromLatin1(errorName));
        }
    }
    return QStringLiteral("%1  %2  %3(%4, %5, %6) = %7")
        .arg(event.retired, 12)
        .arg(hex(event.guestPc), call)
        .arg(hex(event.arguments[0]), hex(event.arguments[1]), hex(event.arguments[2]), outcome);
}

void SystemCallLogPane::takeEvents(const QVector<InspectorEvent>& events) {
    QStringList lines;
    for (const InspectorEvent& event : events) {
        if (event.kind == InspectorEventKind::SystemCall) lines.append(describe(event));
    }
    if (lines.isEmpty()) return;
    QScrollBar* bar = verticalScrollBar();
    const bool follow = bar->value() >= bar->maximum();
    appendPlainText(lines.join(QLatin1Char('\n')));
    if (follow) bar->setValue(bar->maximum());
}

}  // namespace glasshart
