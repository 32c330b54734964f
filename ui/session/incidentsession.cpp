#include "incidentsession.h"

#include "undo/storecommands.h"

#include <QUndoGroup>
#include <QUndoStack>

namespace cp {

IncidentSession::IncidentSession(qint64 incidentId, const StoreWriter &writer, QUndoGroup &undoGroup, QObject *parent)
    : QObject(parent), m_incidentId(incidentId), m_writer(writer), m_undoStack(new QUndoStack(this))
{
    undoGroup.addStack(m_undoStack);
    setObjectName(QStringLiteral("incidentSession_%1").arg(incidentId));
    m_undoStack->setObjectName(QStringLiteral("undoStack_%1").arg(incidentId));
    m_undoStack->setUndoLimit(UndoLimit);
}

IncidentSession::~IncidentSession() = default;

StoreError IncidentSession::noIncident()
{
    return {StoreError::Code::NotOpen, tr("No incident is open.")};
}

StoreError IncidentSession::run(std::unique_ptr<StoreCommand> command)
{
    return StoreCommand::execute(*m_undoStack, std::move(command));
}

} // namespace cp
