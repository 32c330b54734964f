#include "startuptrace.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <ctime>

namespace cp::StartupTrace {

namespace {

Q_LOGGING_CATEGORY(lcStartup, "commandpost.startup", QtWarningMsg)

// The main thread's own processor time: unlike the wall clock, it does not grow while other
// programs have the processor.
double threadCpuMs()
{
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0)
        return 0;
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

} // namespace

void mark(const char *step)
{
    if (!lcStartup().isDebugEnabled())
        return;
    static const QElapsedTimer sinceFirst = [] {
        QElapsedTimer timer;
        timer.start();
        return timer;
    }();
    static const double cpuAtFirst = threadCpuMs();
    qCDebug(lcStartup, "%7.2f ms (%6.2f ms processor)  %s", double(sinceFirst.nsecsElapsed()) / 1e6,
            threadCpuMs() - cpuAtFirst, step);
}

} // namespace cp::StartupTrace
