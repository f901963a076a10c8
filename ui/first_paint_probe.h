#pragma once

#include <QObject>

namespace moim::ui {

// Startup measurement for benchmarks: when MOIM_REPORT_FIRST_PAINT is set, the first painted
// top-level window prints "first-paint <class> rss-kb=<peak RSS>" on stdout and the program
// quits. Without the variable it is never installed.
class FirstPaintProbe : public QObject
{
    Q_OBJECT

public:
    // Installs the probe on the application if the environment asks for it.
    static void installIfRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    bool m_reported = false;
};

// Peak resident memory of this process in KiB (VmHWM), or -1 where unknown.
qint64 peakResidentKiB();

} // namespace moim::ui
