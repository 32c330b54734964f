#include "incidentsession.h"

#include "preferences.h"
#include "undo/storecommands.h"

#include <QUndoGroup>
#include <QUndoStack>

namespace cp {

IncidentSession::IncidentSession(qint64 incidentId, IncidentStore &store, SaveStatus &saveStatus,
                                 const Preferences &preferences, QUndoGroup &undoGroup, QObject *parent)
    : QObject(parent), m_incidentId(incidentId), m_store(store), m_saveStatus(saveStatus), m_preferences(preferences),
      m_undoStack(new QUndoStack(this))
{
    undoGroup.addStack(m_undoStack);
    setObjectName(QStringLiteral("incidentSession_%1").arg(incidentId));
    m_undoStack->setObjectName(QStringLiteral("undoStack_%1").arg(incidentId));
    m_undoStack->setUndoLimit(UndoLimit);
}

IncidentSession::~IncidentSession() = default;

QString IncidentSession::author() const
{
    return m_preferences.authorName();
}

StoreError IncidentSession::noIncident()
{
    return {StoreError::Code::NotOpen, tr("No incident is open.")};
}

StoreError IncidentSession::run(std::unique_ptr<StoreCommand> command)
{
    return StoreCommand::execute(*m_undoStack, std::move(command));
}

StoreError IncidentSession::writeOnce(std::function<StoreError()> body)
{
    return StoreCommand::execute(*m_undoStack, std::make_unique<OneWayWrite>(m_store, &m_saveStatus, std::move(body)),
                                 StoreCommand::Undo::Never);
}

} // namespace cp
