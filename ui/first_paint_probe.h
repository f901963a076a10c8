#pragma once

#include <QObject>

namespace moim::ui {

// Startup measurement for benchmarks: when MOIM_REPORT_FIRST_PAINT is set, the first painted
// top-level window prints "first-paint <class> rss-kb=<peak RSS> phases=<name:ms,…>" on stdout
// and the program quits. The phases are the marks start-up passed, in milliseconds since the
// first mark (main's start), so a benchmark can say where the time to the first frame goes.
// With MOIM_REPORT_SETTLED_MS=N as well, it goes on for N ms after the first frame and prints
// "settled rss-kb=<resident now> peak-kb=<peak>" before it quits.
// Without the variables nothing is installed and marks cost one branch.
class FirstPaintProbe : public QObject
{
    Q_OBJECT

public:
    // Installs the probe on the application if the environment asks for it.
    static void installIfRequested();
    // Notes that start-up reached a phase (a name without spaces, commas or colons).
    static void mark(const char *phase);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    bool m_reported = false;
};

// Peak resident memory of this process in KiB (VmHWM), or -1 where unknown.
qint64 peakResidentKiB();

} // namespace moim::ui
