#include "approvalchain.h"

#include "domain/roletemplate.h"

namespace cp::test {

QHash<QString, QString> defaultChainHolders()
{
    return {{QStringLiteral("technical-slt"), QStringLiteral("sam")},
            {QStringLiteral("legal-officer"), QStringLiteral("lee")},
            {QStringLiteral("messaging-officer"), QStringLiteral("mia")},
            {QStringLiteral("elt-approver"), QStringLiteral("ceo")},
            {QStringLiteral("ic"), QStringLiteral("ana")},
            {QStringLiteral("marketing-officer"), QStringLiteral("mo")},
            {QStringLiteral("business-customer-liaison"), QStringLiteral("cleo")}};
}

QString staffApprovalChain(IncidentStore &store, qint64 incidentId, const QHash<QString, QString> &holders)
{
    const QString author = QStringLiteral("test");
    const RoleTemplateLibrary library{QString()};
    for (const QString &key : {QStringLiteral("technical-response"), QStringLiteral("business-response")}) {
        const auto roles = library.find(key);
        if (!roles)
            return QStringLiteral("no template %1").arg(key);
        if (StoreError error = store.roles().applyTemplate(incidentId, *roles, QString(), author); !error.ok())
            return error.message();
    }
    auto roles = store.roles().list(incidentId);
    if (!roles)
        return roles.error().message();
    for (auto it = holders.cbegin(); it != holders.cend(); ++it) {
        bool held = false;
        for (const IncidentRole &role : std::as_const(*roles))
            held = held || (role.definition.key == it.key() && !role.holders.isEmpty());
        if (held)
            continue;
        auto found = store.roster().findPerson(it.value());
        qint64 personId = found ? found->id : 0;
        if (!found) {
            Person p;
            p.name = it.value();
            p.handle = it.value();
            auto added = store.roster().addPerson(p);
            if (!added)
                return added.error().message();
            personId = *added;
        }
        if (auto assigned = store.roles().assign(incidentId, it.key(), personId, author); !assigned)
            return assigned.error().message();
    }
    return {};
}

} // namespace cp::test
