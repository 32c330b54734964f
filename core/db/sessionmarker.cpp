#include "sessionmarker.h"

#include "privatefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cp {

namespace {
constexpr int MarkerFormatVersion = 1;
constexpr qint64 MaxBytes = 64 * 1024;

QString stamp(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parse(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}
} // namespace

SessionMarker::SessionMarker(const QString &databasePath) : m_path(pathFor(databasePath)) {}

QString SessionMarker::pathFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath() + QStringLiteral(".session");
}

std::optional<SessionMarker::State> SessionMarker::read() const
{
    QFile file(m_path);
    if (file.size() > MaxBytes || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(MaxBytes)).object();
    if (object.value(QStringLiteral("version")).toInt() != MarkerFormatVersion)
        return std::nullopt;
    State state;
    state.pid = object.value(QStringLiteral("pid")).toInteger();
    state.startedAtUtc = parse(object.value(QStringLiteral("started_at")));
    state.aliveAtUtc = parse(object.value(QStringLiteral("alive_at")));
    state.incidentId = object.value(QStringLiteral("incident")).toInteger();
    state.clean = object.value(QStringLiteral("clean")).toBool(true);
    if (!state.aliveAtUtc.isValid())
        state.aliveAtUtc = state.startedAtUtc;
    return state;
}

StoreError SessionMarker::begin(const QDateTime &nowUtc, qint64 incidentId)
{
    m_state = State();
    m_state.pid = QCoreApplication::applicationPid();
    m_state.startedAtUtc = nowUtc.toUTC();
    m_state.aliveAtUtc = nowUtc.toUTC();
    m_state.incidentId = incidentId;
    m_state.clean = false;
    return write();
}

StoreError SessionMarker::heartbeat(const QDateTime &nowUtc, qint64 incidentId)
{
    m_state.aliveAtUtc = nowUtc.toUTC();
    m_state.incidentId = incidentId;
    return write();
}

StoreError SessionMarker::end(const QDateTime &nowUtc)
{
    m_state.aliveAtUtc = nowUtc.toUTC();
    m_state.clean = true;
    return write();
}

StoreError SessionMarker::write()
{
    QJsonObject object;
    object.insert(QStringLiteral("version"), MarkerFormatVersion);
    object.insert(QStringLiteral("pid"), m_state.pid);
    object.insert(QStringLiteral("started_at"), stamp(m_state.startedAtUtc));
    object.insert(QStringLiteral("alive_at"), stamp(m_state.aliveAtUtc));
    object.insert(QStringLiteral("incident"), m_state.incidentId);
    object.insert(QStringLiteral("clean"), m_state.clean);
    return PrivateFile::writeStateFile(m_path, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace cp
