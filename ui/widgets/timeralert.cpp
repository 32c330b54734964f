#include "timeralert.h"

#include "alertsound.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIcon>
#include <QSystemTrayIcon>
#include <QUrl>
#include <QWidget>

namespace cp {

TimerAlert::TimerAlert(QObject *parent) : QObject(parent) {}

TimerAlert::~TimerAlert() = default;

QString TimerAlert::soundUrl()
{
    return QStringLiteral("qrc:/sounds/timer-expired.wav");
}

void TimerAlert::alert(const QString &title, const QString &message, QWidget *window)
{
    if (!m_muted)
        playSound();
    notify(title, message);
    emit alerted(title, message);
    flashTaskbar(window, title, message);
}

bool TimerAlert::callAttention(QWidget *window, const QString &title, const QString &message)
{
    if (!flashTaskbar(window, title, message))
        return false;
    notify(title, message);
    return true;
}

bool TimerAlert::flashTaskbar(QWidget *window, const QString &title, const QString &message)
{
    if (!window || window->isActiveWindow())
        return false;
    QApplication::alert(window); // until the window is activated
    emit attentionCalled(title, message);
    return true;
}

void TimerAlert::playSound()
{
    ++m_soundsPlayed;
    // The offscreen platform (tests, CI) has no speakers: stay quiet there.
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        return;
    if (!m_sound) {
        if (AlertSoundFactory *factory = AlertSoundFactory::plugin())
            m_sound = factory->create(QUrl(soundUrl()), 0.8f);
    }
    // No sound plugin or audio device, or the file could not be decoded: the terminal bell still sounds.
    if (!m_sound || !m_sound->play())
        QApplication::beep();
}

void TimerAlert::notify(const QString &title, const QString &message)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/commandpost.svg")), this);
        m_tray->setToolTip(QStringLiteral("CommandPost"));
        m_tray->show();
    }
    m_tray->showMessage(title, message, QSystemTrayIcon::Warning, 15000);
}

} // namespace cp
