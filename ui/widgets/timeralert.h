#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QSystemTrayIcon;
class QWidget;

namespace cp {

class AlertSound;

// What an expiring timer sounds and shows outside the board: a short alert sound (Qt Multimedia,
// through the alert sound plugin; QApplication::beep() where it cannot play), and a desktop notification through the
// system tray when the desktop has one. Muting silences the sound only. What the window shows anyway (a timer turning
// amber, a roll-call miss) calls for attention only while the user is looking at another window: the taskbar entry
// (QApplication::alert) and a desktop notification.
class TimerAlert final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerAlert)

public:
    explicit TimerAlert(QObject *parent = nullptr);
    ~TimerAlert() override;

    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

    // Sound (unless muted) and notification for one expiry; the taskbar entry of window too
    // when it is not the active one.
    void alert(const QString &title, const QString &message, QWidget *window = nullptr);
    // The taskbar entry and a notification, if window is not the active one; whether it called.
    bool callAttention(QWidget *window, const QString &title, const QString &message);

    int soundsPlayed() const { return m_soundsPlayed; } // for tests: alerts that made a sound
    static QString soundUrl();

signals:
    void alerted(const QString &title, const QString &message);
    void attentionCalled(const QString &title, const QString &message);

private:
    void playSound();
    void notify(const QString &title, const QString &message);
    bool flashTaskbar(QWidget *window, const QString &title, const QString &message);

    std::unique_ptr<AlertSound> m_sound; // made on the first sound
    QSystemTrayIcon *m_tray = nullptr;
    bool m_muted = false;
    int m_soundsPlayed = 0;
};

} // namespace cp
