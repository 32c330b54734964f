#include "preferences.h"

#include <QDir>
#include <QSettings>

namespace cp {

namespace {

const QString AuthorKey = QStringLiteral("preferences/authorName");
const QString LastIncidentKey = QStringLiteral("preferences/lastIncidentId");
const QString EntryKindKey = QStringLiteral("preferences/defaultEntryKind");
const QString TimerMutedKey = QStringLiteral("preferences/timerSoundMuted");
const QString RecentServersKey = QStringLiteral("preferences/recentServers");
// One map for every server: a server's name has '/', which QSettings reads as a group.
const QString ServerIncidentsKey = QStringLiteral("preferences/lastServerIncidents");

} // namespace

Preferences::Preferences(QSettings &settings) : m_settings(settings) {}

QString Preferences::defaultAuthorName()
{
    // As for commandpost-cli: $COMMANDPOST_AUTHOR first, then the login name.
    for (const char *variable : {"COMMANDPOST_AUTHOR", "USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
    const QString home = QDir::home().dirName();
    return home.isEmpty() ? QStringLiteral("unknown") : home;
}

bool Preferences::hasChosenAuthor() const
{
    return !m_settings.value(AuthorKey).toString().trimmed().isEmpty();
}

QString Preferences::authorName() const
{
    const QString name = m_settings.value(AuthorKey).toString().trimmed();
    return name.isEmpty() ? defaultAuthorName() : name;
}

void Preferences::setAuthorName(const QString &name)
{
    // The quick entry keeps its author after every entry: the same name is no rewrite of the file.
    const QString trimmed = name.trimmed();
    if (m_settings.contains(AuthorKey) && m_settings.value(AuthorKey).toString() == trimmed)
        return;
    m_settings.setValue(AuthorKey, trimmed);
}

qint64 Preferences::lastIncidentId() const
{
    bool ok = false;
    const qint64 id = m_settings.value(LastIncidentKey).toLongLong(&ok);
    return ok && id > 0 ? id : 0;
}

void Preferences::setLastIncidentId(qint64 incidentId)
{
    // Every start opens the incident it remembers: no rewrite of the settings file for that.
    if (incidentId == lastIncidentId())
        return;
    m_settings.setValue(LastIncidentKey, incidentId);
}

std::optional<Incident> Preferences::lastServerIncident(const QString &server) const
{
    const QVariantMap kept = m_settings.value(ServerIncidentsKey).toMap().value(server).toMap();
    Incident incident;
    incident.id = kept.value(QStringLiteral("id")).toLongLong();
    incident.title = kept.value(QStringLiteral("title")).toString();
    const auto kind = IncidentVocabulary::kindFromKey(kept.value(QStringLiteral("kind")).toString());
    const auto severity = IncidentVocabulary::severityFromKey(kept.value(QStringLiteral("severity")).toString());
    const auto status = IncidentVocabulary::statusFromKey(kept.value(QStringLiteral("status")).toString());
    incident.declaredAt = kept.value(QStringLiteral("declaredAt")).toDateTime();
    if (incident.id <= 0 || incident.title.isEmpty() || !kind || !severity || !status)
        return std::nullopt; // never kept, or not by this version
    incident.kind = *kind;
    incident.severity = *severity;
    incident.status = *status;
    return incident;
}

void Preferences::setLastServerIncident(const QString &server, const Incident &incident)
{
    QVariantMap servers = m_settings.value(ServerIncidentsKey).toMap();
    const QVariantMap kept{{QStringLiteral("id"), incident.id},
                           {QStringLiteral("title"), incident.title},
                           {QStringLiteral("kind"), IncidentVocabulary::kindKey(incident.kind)},
                           {QStringLiteral("severity"), IncidentVocabulary::severityKey(incident.severity)},
                           {QStringLiteral("status"), IncidentVocabulary::statusKey(incident.status)},
                           {QStringLiteral("declaredAt"), incident.declaredAt}};
    if (servers.value(server).toMap() == kept)
        return;
    servers.insert(server, kept);
    m_settings.setValue(ServerIncidentsKey, servers);
}

EntryKind Preferences::defaultEntryKind() const
{
    const auto kind = EntryVocabulary::kindFromKey(m_settings.value(EntryKindKey).toString());
    if (kind && EntryVocabulary::manualKinds().contains(*kind))
        return *kind;
    return EntryKind::Note;
}

void Preferences::setDefaultEntryKind(EntryKind kind)
{
    m_settings.setValue(EntryKindKey, EntryVocabulary::kindKey(kind));
}

bool Preferences::timerSoundMuted() const
{
    return m_settings.value(TimerMutedKey, false).toBool();
}

void Preferences::setTimerSoundMuted(bool muted)
{
    m_settings.setValue(TimerMutedKey, muted);
}

TimerDefaultOverrides Preferences::timerDefaultOverrides() const
{
    return TimerDefaultOverrides::fromText(m_settings.value(TimerDefaultOverrides::settingsKey()).toString());
}

void Preferences::setTimerDefaultOverrides(const TimerDefaultOverrides &overrides)
{
    if (overrides.isEmpty())
        m_settings.remove(TimerDefaultOverrides::settingsKey());
    else
        m_settings.setValue(TimerDefaultOverrides::settingsKey(), overrides.toText());
}

PostmortemDeadlines Preferences::postmortemDeadlines() const
{
    const PostmortemDeadlines defaults;
    PostmortemDeadlines d;
    d.sev1CalendarDays = qBound(
        1, m_settings.value(QStringLiteral("postmortem/sev1CalendarDays"), defaults.sev1CalendarDays).toInt(), 60);
    d.sev2BusinessDays = qBound(
        1, m_settings.value(QStringLiteral("postmortem/sev2BusinessDays"), defaults.sev2BusinessDays).toInt(), 60);
    d.otherBusinessDays = qBound(
        1, m_settings.value(QStringLiteral("postmortem/otherBusinessDays"), defaults.otherBusinessDays).toInt(), 60);
    return d;
}

void Preferences::setPostmortemDeadlines(const PostmortemDeadlines &deadlines)
{
    m_settings.setValue(QStringLiteral("postmortem/sev1CalendarDays"), deadlines.sev1CalendarDays);
    m_settings.setValue(QStringLiteral("postmortem/sev2BusinessDays"), deadlines.sev2BusinessDays);
    m_settings.setValue(QStringLiteral("postmortem/otherBusinessDays"), deadlines.otherBusinessDays);
}

QStringList Preferences::recentServers() const
{
    return m_settings.value(RecentServersKey).toStringList();
}

void Preferences::addRecentServer(const ServerAddress &server)
{
    const QString text = server.textWithoutPassword();
    QStringList recent = recentServers();
    recent.removeAll(text);
    recent.prepend(text);
    m_settings.setValue(RecentServersKey, recent.mid(0, RecentServerCount));
}

void Preferences::sync()
{
    m_settings.sync();
}

} // namespace cp
