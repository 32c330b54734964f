#include "firstframemark.h"

#include "startuptrace.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace cp {

FirstFrameMark::FirstFrameMark(QWidget *window) : QObject(window), m_window(window)
{
    // Painting happens in the window's widgets (views, docks), not always in the window itself.
    QCoreApplication::instance()->installEventFilter(this);
}

void FirstFrameMark::installIfRequested(QWidget *window)
{
    if (qEnvironmentVariableIsSet("CP_MARK_FIRST_FRAME"))
        new FirstFrameMark(window);
}

qint64 FirstFrameMark::peakRssKib()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

bool FirstFrameMark::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_marked && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == m_window) {
        m_marked = true;
        StartupTrace::mark("first frame painted");
        // The frame reaches the screen when this paint pass has been flushed: right after it.
        QTimer::singleShot(0, this, [] {
            std::fprintf(stderr, "cp-first-frame peak-rss-kib=%lld\n", peakRssKib());
            std::fflush(stderr);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cp
