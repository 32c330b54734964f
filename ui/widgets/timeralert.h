#pragma once

#include <QObject>
#include <QString>

class QSoundEffect;
class QSystemTrayIcon;

namespace cp {

// What an expiring timer sounds and shows outside the board: a short alert sound (Qt Multimedia;
// QApplication::beep() where it cannot play), and a desktop notification through the system
// tray when the desktop has one. Muting silences the sound only.
class TimerAlert final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerAlert)

public:
    explicit TimerAlert(QObject *parent = nullptr);
    ~TimerAlert() override;

    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

    // Sound (unless muted) and notification for one expiry.
    void alert(const QString &title, const QString &message);

    int soundsPlayed() const { return m_soundsPlayed; } // for tests: alerts that made a sound
    static QString soundUrl();

signals:
    void alerted(const QString &title, const QString &message);

private:
    void playSound();
    void notify(const QString &title, const QString &message);

    QSoundEffect *m_sound = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_muted = false;
    int m_soundsPlayed = 0;
};

} // namespace cp
