#include "rollcallscenario.h"

#include "domain/roletemplate.h"

namespace cp::test {

QString RollCallScenario::setUp(IncidentStore &store, const QString &author)
{
    RoleTemplateLibrary library{QString()};
    NewIncident incident;
    incident.title = QStringLiteral("Checkout fails for card payments");
    incident.severity = Severity::Sev1;
    incident.roles = library.find(QStringLiteral("technical-response"));
    auto id = store.incidents().create(incident, author);
    if (!id)
        return id.error().message();
    incidentId = *id;
    const QList<std::pair<QString, QString>> roster = {
        {QStringLiteral("Ana Lima"), QStringLiteral("ana")},   {QStringLiteral("Bo Chen"), QStringLiteral("bo")},
        {QStringLiteral("Cy Okafor"), QStringLiteral("cy")},   {QStringLiteral("Dana Reyes"), QStringLiteral("dana")},
        {QStringLiteral("Eli Brandt"), QStringLiteral("eli")}, {QStringLiteral("Fay Moreau"), QStringLiteral("fay")},
        {QStringLiteral("Gus Varga"), QStringLiteral("gus")},  {QStringLiteral("Hana Ito"), QStringLiteral("hana")},
    };
    for (const auto &[name, handle] : roster) {
        Person p;
        p.name = name;
        p.handle = handle;
        auto person = store.roster().addPerson(p);
        if (!person)
            return person.error().message();
        people.insert(handle, *person);
    }
    const QList<std::pair<QString, QString>> assignments = {
        {QStringLiteral("ic"), QStringLiteral("ana")},    {QStringLiteral("deputy"), QStringLiteral("bo")},
        {QStringLiteral("scribe"), QStringLiteral("cy")}, {QStringLiteral("sme"), QStringLiteral("dana")},
        {QStringLiteral("sme"), QStringLiteral("eli")},   {QStringLiteral("sme"), QStringLiteral("fay")},
        {QStringLiteral("sme"), QStringLiteral("gus")},   {QStringLiteral("sme"), QStringLiteral("hana")},
    };
    smeHandles.clear();
    for (const auto &[role, handle] : assignments) {
        auto assigned = store.roles().assign(incidentId, role, people.value(handle), author);
        if (!assigned)
            return assigned.error().message();
        if (role == QLatin1String("sme"))
            smeHandles << handle;
    }
    return {};
}

} // namespace cp::test
