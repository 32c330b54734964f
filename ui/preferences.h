#pragma once

#include "domain/incident.h"
#include "domain/postmortem.h"
#include "domain/timelineentry.h"
#include "domain/timerdefaults.h"
#include "server/serveraddress.h"

#include <QString>

#include <optional>

class QSettings;

namespace cp {

// The user's own choices, typed and with defaults, kept apart from window/session state
// (which MainWindow saves under "window/"). Backed by the QSettings it is given.
class Preferences final
{
    Q_DISABLE_COPY_MOVE(Preferences)
public:
    explicit Preferences(QSettings &settings);

    // Who the quick entry logs as. Default: the login name (else the home folder's), never a role.
    QString authorName() const;
    // Whether the user has said who they are (typed or been matched to a roster person): until
    // then the window looks for the login name on the roster.
    bool hasChosenAuthor() const;
    void setAuthorName(const QString &name);
    static QString defaultAuthorName();

    // The incident shown at start; 0: none yet.
    qint64 lastIncidentId() const;
    void setLastIncidentId(qint64 incidentId);
    // Team mode: the incident last shown from each server ('server': login@host:port/db) as it
    // was then — its id, title, kind, severity, status and declaration — so a window that starts
    // with its server out of reach shows it at once and its quick entry keeps lines for it.
    std::optional<Incident> lastServerIncident(const QString &server) const;
    void setLastServerIncident(const QString &server, const Incident &incident);

    // The kind a quick entry gets when its line names none.
    EntryKind defaultEntryKind() const;
    void setDefaultEntryKind(EntryKind kind);

    // Whether an expiring timer stays silent (the row still flashes). Default: the sound plays.
    bool timerSoundMuted() const;
    void setTimerSoundMuted(bool muted);

    // The user's changes to the default timers started when an incident is declared.
    // Default: none (the built-in cadences). Kept as JSON text; anything unreadable: none.
    TimerDefaultOverrides timerDefaultOverrides() const;
    void setTimerDefaultOverrides(const TimerDefaultOverrides &overrides);

    // When a postmortem is due after the resolution: calendar days for SEV-1, business days for
    // SEV-2 and below. Default: 3 and 5 (10 below SEV-2), as the response guides practise.
    PostmortemDeadlines postmortemDeadlines() const;
    void setPostmortemDeadlines(const PostmortemDeadlines &deadlines);

    // The team servers connected to, the last first (File ▸ Connect to a team server…), as
    // connection strings without their passwords.
    QStringList recentServers() const;
    void addRecentServer(const ServerAddress &server);
    static constexpr int RecentServerCount = 8;

    void sync();

private:
    QSettings &m_settings;
};

} // namespace cp
