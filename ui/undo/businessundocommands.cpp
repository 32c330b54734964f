#include "businessundocommands.h"

#include "db/incidentstore.h"
#include "domain/business.h"

namespace cp {

TickActivityCommand::TickActivityCommand(IncidentStore &store, SaveStatus *status, qint64 activityId, bool restart,
                                         const QString &activity, const QString &author)
    : StoreCommand(store, status, author), m_activityId(activityId), m_restart(restart)
{
    setText((restart ? tr("Restart %1") : tr("Halt %1")).arg(elided(activity)));
}

StoreError TickActivityCommand::apply(bool forward)
{
    if (!forward)
        return store().business().withdrawActivityTick(m_activityId, author());
    return m_restart ? store().business().restartActivity(m_activityId, author())
                     : store().business().haltActivity(m_activityId, author());
}

NotifyDepartmentCommand::NotifyDepartmentCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId,
                                                 QString departmentKey, QString method, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_departmentKey(std::move(departmentKey)),
      m_method(std::move(method))
{
    setText(tr("Told %1").arg(m_departmentKey));
}

StoreError NotifyDepartmentCommand::apply(bool forward)
{
    if (!forward)
        return store().business().withdrawNotice(m_noticeId, author());
    auto id = store().business().notifyDepartment(m_incidentId, m_departmentKey, m_method, QString(), author());
    if (!id)
        return id.error();
    m_noticeId = *id;
    return {};
}

SkipCellCommand::SkipCellCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, QString audience,
                                 QString phase, QString reason, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_audience(std::move(audience)),
      m_phase(std::move(phase)), m_reason(std::move(reason))
{
    setText(tr("Skip the %1 %2 message")
                .arg(BusinessVocabulary::audienceLabel(m_audience), BusinessVocabulary::phaseLabel(m_phase).toLower()));
}

StoreError SkipCellCommand::apply(bool forward)
{
    return forward ? store().business().skipCell(m_incidentId, m_audience, m_phase, m_reason, author())
                   : store().business().unskipCell(m_incidentId, m_audience, m_phase, author());
}

} // namespace cp
