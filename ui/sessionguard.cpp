#include "sessionguard.h"

#include "db/incidentstore.h"
#include "db/privatefile.h"
#include "docks/timelinedock.h"
#include "domain/clock.h"
#include "mainwindow.h"
#include "preferences.h"
#include "terminationsignals.h"
#include "widgets/quickentryedit.h"

#include <QDir>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QSessionManager>
#include <QStandardPaths>

namespace cp {

namespace {

QString duration(qint64 secs)
{
    if (secs < 60)
        return SessionGuard::tr("%n second(s)", nullptr, int(secs));
    if (secs < 3600)
        return SessionGuard::tr("%1 min %2 s").arg(secs / 60).arg(secs % 60);
    return SessionGuard::tr("%1 h %2 min").arg(secs / 3600).arg((secs % 3600) / 60);
}

// The draft line and the session marker sit beside a database file; for a team server they go in
// the user's data folder, under the server's name.
QString localStateBase(const IncidentStore &store)
{
    if (!store.session().isServer())
        return store.session().path();
    QString name = store.session().path();
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9@._-]")), QStringLiteral("_"));
    const QString folder =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("servers"));
    PrivateFile::makePrivateFolder(folder);
    return QDir(folder).filePath(name);
}

} // namespace

SessionGuard::SessionGuard(IncidentStore &store, MainWindow &window, Preferences &preferences, const Clock &clock,
                           QObject *parent)
    : QObject(parent), m_store(store), m_window(window), m_preferences(preferences), m_clock(clock),
      m_drafts(localStateBase(store)), m_marker(localStateBase(store))
{
    m_heartbeat.setInterval(HeartbeatMs);
    m_heartbeat.callOnTimeout(this, &SessionGuard::heartbeat);
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(DraftDelayMs);
    m_draftTimer.callOnTimeout(this, &SessionGuard::saveDraftNow);
}

SessionGuard::~SessionGuard() = default;

void SessionGuard::start()
{
    if (m_started)
        return;
    m_started = true;
    const std::optional<SessionMarker::State> previous = m_marker.read();
    const bool crashed = previous && !previous->clean;
    if (crashed && previous->incidentId > 0 && previous->incidentId != m_window.currentIncidentId())
        m_window.openIncident(previous->incidentId);

    QuickEntryEdit *line = m_window.timelineDock()->quickEntry();
    if (const std::optional<DraftStore::Draft> draft = m_drafts.load()) {
        if (draft->incidentId > 0 && draft->incidentId != m_window.currentIncidentId())
            m_window.openIncident(draft->incidentId);
        if (line->text().isEmpty() && draft->incidentId == m_window.currentIncidentId())
            line->setText(draft->text);
    }
    if (crashed)
        logRecovery(*previous);

    connect(line, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            saveDraftNow(); // logged or wiped: no stale draft may come back after a crash
        else
            m_draftTimer.start();
    });
    m_marker.begin(m_clock.nowUtc(), m_window.currentIncidentId());
    m_heartbeat.start();
}

void SessionGuard::logRecovery(const SessionMarker::State &previous)
{
    const qint64 incidentId = m_window.currentIncidentId();
    if (incidentId <= 0 || m_store.session().isReadOnly())
        return;
    // A resolved incident's record is closed: a crash of the console after the call says nothing
    // about the incident.
    if (auto incident = m_store.incidents().incident(incidentId); !incident || incident->isResolved())
        return;
    const QDateTime now = m_clock.nowUtc();
    const QDateTime alive = previous.aliveAtUtc.isValid() ? previous.aliveAtUtc : now;
    NewEntry entry;
    entry.incidentId = incidentId;
    entry.kind = EntryKind::System;
    entry.author = m_preferences.authorName();
    entry.occurredAt = now;
    entry.text =
        tr("Session recovered: CommandPost stopped unexpectedly. Last known alive %1 UTC, restarted %2 UTC "
           "(a gap of up to %3): anything that happened in between is not on this timeline yet. "
           "Restored the incident, the window layout, running timers and the unsent entry line.")
            .arg(alive.toUTC().toString(QStringLiteral("HH:mm:ss")), now.toUTC().toString(QStringLiteral("HH:mm:ss")),
                 duration(qMax<qint64>(0, alive.secsTo(now))));
    auto id = m_store.timeline().append(entry);
    if (id)
        m_recoveredEntryId = *id;
}

void SessionGuard::heartbeat()
{
    m_marker.heartbeat(m_clock.nowUtc(), m_window.currentIncidentId());
    m_window.saveWindowState();
    m_preferences.sync();
}

void SessionGuard::saveDraftNow()
{
    m_draftTimer.stop();
    const QString text = m_window.timelineDock()->quickEntry()->text();
    m_drafts.save({m_window.currentIncidentId(), text, m_clock.nowUtc()});
}

void SessionGuard::end()
{
    if (!m_started)
        return;
    m_started = false;
    m_heartbeat.stop();
    saveDraftNow();
    m_marker.end(m_clock.nowUtc());
}

void SessionGuard::closeOnShutdownRequests()
{
    if (m_signals)
        return;
    m_signals = new TerminationSignals(this);
    connect(m_signals, &TerminationSignals::received, this, &SessionGuard::shutDown);
    connect(qGuiApp, &QGuiApplication::commitDataRequest, this, [this](QSessionManager &) { shutDown(); });
    connect(qGuiApp, &QCoreApplication::aboutToQuit, this, &SessionGuard::end);
}

void SessionGuard::shutDown()
{
    m_window.close(); // saves the layout as a close by the user does
    end();
    QCoreApplication::quit();
}

} // namespace cp
