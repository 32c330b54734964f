#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace cp {

// What a committed change touched, as the change log records it. Every repository names its own
// entities; a misspelt one does not compile. The keys stored in change_log never change, so
// older and newer CommandPost processes on one database understand each other.
enum class StoreEntity
{
    Incident,
    Entry,
    Timeline, // the whole timeline of an incident: too much changed to name entry by entry
    Role,
    Person,
    Department,
    Timer,
    Business, // mode, briefing, audiences or skipped cells
    Activity,
    Message,
    Notice,
    Inbound,
    RollCall,
    RollCallItem,
    Action,
    Decision,
    Postmortem,
};

enum class ChangeOp
{
    Insert,
    Update,
    Reload,
};

struct StoreChange
{
    StoreEntity entity = StoreEntity::Incident;
    qint64 entityId = 0;
    qint64 incidentId = 0;
    ChangeOp op = ChangeOp::Update;
};

namespace StoreChangeKeys {
QString entityKey(StoreEntity entity);
std::optional<StoreEntity> entityFromKey(const QString &key); // nullopt: written by a newer version
QString opKey(ChangeOp op);
ChangeOp opFromKey(const QString &key);
} // namespace StoreChangeKeys

} // namespace cp

Q_DECLARE_METATYPE(cp::StoreChange)
