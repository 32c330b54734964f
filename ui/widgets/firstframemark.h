#pragma once

#include <QObject>

class QWidget;

namespace cp {

// For the benchmark harness (./dev bench): with CP_MARK_FIRST_FRAME set in the environment, the
// window's first painted frame prints "cp-first-frame cpu-ms=M kernel-ms=K peak-rss-kib=N size=WxH"
// on standard error and ends the application, so start-up is timed to the frame itself, never by sleeping. M, the
// processor time of all the process's threads so far, does not grow while other programs run; WxH
// is the window's size in that frame.
class FirstFrameMark final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstFrameMark)

public:
    // Watches 'window' if the variable is set; otherwise does nothing.
    static void installIfRequested(QWidget *window);
    // The process's peak resident memory so far (VmHWM), in KiB; 0 where /proc does not tell.
    static qint64 peakRssKib();
    // The processor time of the whole process so far (all threads, user and system), in ms.
    static double processorMs();
    // The part of it spent in the kernel (system calls, page faults), in ms.
    static double kernelMs();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstFrameMark(QWidget *window);

    QWidget *m_window;
    bool m_marked = false;
};

} // namespace cp
