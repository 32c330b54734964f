#include "storechange.h"

#include <array>
#include <utility>

namespace cp::StoreChangeKeys {

namespace {

using Key = std::pair<StoreEntity, const char *>;
constexpr std::array<Key, 17> EntityKeys{{
    {StoreEntity::Incident, "incident"},
    {StoreEntity::Entry, "entry"},
    {StoreEntity::Timeline, "timeline"},
    {StoreEntity::Role, "role"},
    {StoreEntity::Person, "person"},
    {StoreEntity::Department, "department"},
    {StoreEntity::Timer, "timer"},
    {StoreEntity::Business, "business"},
    {StoreEntity::Activity, "activity"},
    {StoreEntity::Message, "message"},
    {StoreEntity::Notice, "notice"},
    {StoreEntity::Inbound, "inbound"},
    {StoreEntity::RollCall, "rollcall"},
    {StoreEntity::RollCallItem, "rollcall_item"},
    {StoreEntity::Action, "action"},
    {StoreEntity::Decision, "decision"},
    {StoreEntity::Postmortem, "postmortem"},
}};

} // namespace

QString entityKey(StoreEntity entity)
{
    for (const Key &key : EntityKeys) {
        if (key.first == entity)
            return QLatin1String(key.second);
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<StoreEntity> entityFromKey(const QString &text)
{
    for (const Key &key : EntityKeys) {
        if (text == QLatin1String(key.second))
            return key.first;
    }
    return std::nullopt;
}

QString opKey(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Insert:
        return QStringLiteral("insert");
    case ChangeOp::Update:
        return QStringLiteral("update");
    case ChangeOp::Reload:
        return QStringLiteral("reload");
    }
    Q_UNREACHABLE();
    return {};
}

ChangeOp opFromKey(const QString &key)
{
    if (key == QLatin1String("insert"))
        return ChangeOp::Insert;
    if (key == QLatin1String("reload"))
        return ChangeOp::Reload;
    return ChangeOp::Update;
}

} // namespace cp::StoreChangeKeys
