#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"

#include <QStatusBar>

class QLabel;

namespace cp {

class Clock;
class IncidentClockLabel;
class ServerLink;

// The window's status bar, always in view: the incident clock, severity, status, vacant required
// roles, the next timer due (bold red once one is overdue), then the save indicator and the wall
// clock with its zone on the right.
class IncidentStatusBar final : public QStatusBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentStatusBar)

public:
    IncidentStatusBar(const Clock &clock, const QString &databasePath, QWidget *parent = nullptr);

    void showIncident(const Incident *incident); // null: none open
    void showVacancies(const QString &text);
    void showNextDue(const QString &text, bool overdue);
    void showSaved(const QDateTime &atUtc);
    void showSaveError(const StoreError &error);
    // Team mode: this machine's clock against the server's (server minus local); said only when
    // over ServerClock::NoticeableOffsetMs.
    void showClockOffset(qint64 offsetMs);
    // A notice that must not be missed (the file is damaged): the first of the widgets on the
    // right, before the save indicator.
    void addNotice(QWidget *notice);
    // Team mode: the link to the server in words, naming it ("Server bo@db:5432/commandpost:
    // reconnecting since 14:32"), the problem and the next try in its tooltip; hidden on a file.
    void showLink(const ServerLink &link, const QString &serverName);

    void retranslateUi();

private:
    enum class SaveLook
    {
        Idle,
        Saved,
        Failed
    };

    QLabel *addLabel(const char *name, bool permanent = false, int stretch = 0);
    // A style sheet set re-polishes the label: set only when the look changes, not at every save.
    void setSaveLook(SaveLook look);

    const QString m_databasePath;
    IncidentClockLabel *m_clockLabel;
    QLabel *m_severityStatus;
    QLabel *m_statusStatus;
    QLabel *m_vacancyLabel;
    QLabel *m_nextTimerLabel;
    QLabel *m_clockOffsetLabel;
    QLabel *m_linkLabel;
    QLabel *m_saveLabel;
    QLabel *m_wallClock;
    bool m_haveIncident = false;
    bool m_saveReported = false;
    SaveLook m_saveLook = SaveLook::Idle;
    int m_leftWidgets = 0; // the permanent widgets' indices start after these
};

} // namespace cp
