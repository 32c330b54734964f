#include "draftstore.h"

#include "privatefile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cp {

namespace {
constexpr int DraftFormatVersion = 1;
constexpr qint64 MaxDraftBytes = 4 * 1024 * 1024; // far beyond any line typed by hand
} // namespace

DraftStore::DraftStore(const QString &databasePath) : m_path(pathFor(databasePath)) {}

QString DraftStore::pathFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath() + QStringLiteral(".draft");
}

std::optional<DraftStore::Draft> DraftStore::load() const
{
    QFile file(m_path);
    if (file.size() > MaxDraftBytes || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(MaxDraftBytes));
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("version")).toInt() != DraftFormatVersion)
        return std::nullopt;
    Draft draft;
    draft.incidentId = object.value(QStringLiteral("incident")).toInteger();
    draft.text = object.value(QStringLiteral("text")).toString();
    draft.savedAtUtc = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    if (draft.text.trimmed().isEmpty())
        return std::nullopt;
    return draft;
}

StoreError DraftStore::save(const Draft &draft)
{
    if (draft.text.trimmed().isEmpty())
        return clear();
    QJsonObject object;
    object.insert(QStringLiteral("version"), DraftFormatVersion);
    object.insert(QStringLiteral("incident"), draft.incidentId);
    object.insert(QStringLiteral("text"), draft.text);
    object.insert(QStringLiteral("saved_at"), draft.savedAtUtc.toUTC().toString(Qt::ISODateWithMs));
    return PrivateFile::writeStateFile(m_path, QJsonDocument(object).toJson(QJsonDocument::Compact));
}

StoreError DraftStore::clear()
{
    if (QFileInfo::exists(m_path) && !QFile::remove(m_path))
        return {StoreError::Code::ReadOnly, QStringLiteral("Cannot remove %1").arg(m_path)};
    return {};
}

} // namespace cp
