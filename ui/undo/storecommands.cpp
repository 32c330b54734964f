#include "storecommands.h"

#include "commandids.h"
#include "db/incidentstore.h"
#include "savestatus.h"

#include <QUndoStack>

#include <tuple>

namespace cp {

// ---------------------------------------------------------------------------------------------
// StoreCommand

StoreCommand::StoreCommand(IncidentStore &store, SaveStatus *status, QString author)
    : m_store(store), m_status(status), m_author(std::move(author))
{
}

StoreError StoreCommand::carryOut(StoreCommand &command)
{
    const StoreError error = command.perform();
    command.report(error);
    return error;
}

StoreError StoreCommand::execute(QUndoStack &stack, std::unique_ptr<StoreCommand> command)
{
    if (const StoreError error = carryOut(*command); !error.ok())
        return error;
    command->describe();
    command->m_skipNextRedo = true; // push() calls redo(); the work is already done
    stack.push(command.release());
    return {};
}

void StoreCommand::redo()
{
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    run(true);
}

void StoreCommand::undo()
{
    run(false);
}

void StoreCommand::run(bool forward)
{
    const StoreError error = apply(forward);
    // Failed, the database did not change: drop the command so the stack tells no lie about it.
    if (!error.ok())
        setObsolete(true);
    report(error);
}

void StoreCommand::report(const StoreError &error) const
{
    if (!m_status)
        return;
    if (error.ok())
        m_status->reportSaved();
    else
        m_status->reportFailed(error);
}

QString StoreCommand::elided(const QString &text)
{
    constexpr int Max = 40;
    const QString simple = text.simplified();
    return simple.size() <= Max ? simple : simple.left(Max - 1) + QChar(0x2026);
}

// ---------------------------------------------------------------------------------------------
// OneWayWrite

OneWayWrite::OneWayWrite(IncidentStore &store, SaveStatus *status, std::function<StoreError()> body)
    : StoreCommand(store, status, QString()), m_body(std::move(body))
{
}

StoreError OneWayWrite::apply(bool forward)
{
    Q_ASSERT(forward); // never on a stack, so never undone
    return m_body();
}

// ---------------------------------------------------------------------------------------------
// LogEntryCommand

LogEntryCommand::LogEntryCommand(IncidentStore &store, SaveStatus *status, const NewEntry &entry)
    : StoreCommand(store, status, entry.author), m_entry(entry)
{
}

void LogEntryCommand::describe()
{
    setText(tr("Log “%1”").arg(elided(m_entry.text)));
}

StoreError LogEntryCommand::perform()
{
    auto id = store().timeline().append(m_entry);
    if (!id)
        return id.error();
    m_entryId = *id;
    return {};
}

StoreError LogEntryCommand::apply(bool forward)
{
    return store().timeline().setRetracted(m_entryId, !forward, author());
}

// ---------------------------------------------------------------------------------------------
// AmendEntryCommand

AmendEntryCommand::AmendEntryCommand(IncidentStore &store, SaveStatus *status, qint64 entryId,
                                     const EntryAmendment &change, const QString &author)
    : StoreCommand(store, status, author), m_entryId(entryId), m_change(change)
{
    setText(tr("Amend entry"));
}

std::unique_ptr<AmendEntryCommand> AmendEntryCommand::retract(IncidentStore &store, SaveStatus *status, qint64 entryId,
                                                              bool retracted, const QString &author)
{
    EntryAmendment change;
    change.retracted = retracted;
    auto command = std::make_unique<AmendEntryCommand>(store, status, entryId, change, author);
    command->setText(retracted ? tr("Retract entry") : tr("Restore entry"));
    return command;
}

std::unique_ptr<AmendEntryCommand> AmendEntryCommand::markKeyEvent(IncidentStore &store, SaveStatus *status,
                                                                   qint64 entryId, bool keyEvent, const QString &author)
{
    EntryAmendment change;
    change.keyEvent = keyEvent;
    auto command = std::make_unique<AmendEntryCommand>(store, status, entryId, change, author);
    command->setText(keyEvent ? tr("Mark as key event") : tr("Unmark key event"));
    return command;
}

int AmendEntryCommand::id() const
{
    return static_cast<int>(CommandId::AmendEntry);
}

bool AmendEntryCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const AmendEntryCommand *>(other);
    const auto fields = [](const EntryAmendment &a) {
        return std::make_tuple(a.kind.has_value(), a.text.has_value(), a.occurredAt.has_value(), a.tags.has_value(),
                               a.keyEvent.has_value(), a.retracted.has_value());
    };
    if (next->m_entryId != m_entryId || fields(next->m_change) != fields(m_change))
        return false;
    m_change = next->m_change;
    setText(next->text());
    // Amended back to what it was: nothing is left to undo.
    setObsolete(m_change.kind == m_inverse.kind && m_change.text == m_inverse.text &&
                m_change.occurredAt == m_inverse.occurredAt && m_change.tags == m_inverse.tags &&
                m_change.keyEvent == m_inverse.keyEvent && m_change.retracted == m_inverse.retracted);
    return true;
}

StoreError AmendEntryCommand::perform()
{
    auto before = store().timeline().entry(m_entryId);
    if (!before)
        return before.error();
    m_inverse = {};
    if (m_change.kind)
        m_inverse.kind = before->kind;
    if (m_change.text)
        m_inverse.text = before->text;
    if (m_change.occurredAt)
        m_inverse.occurredAt = before->occurredAt;
    if (m_change.tags)
        m_inverse.tags = before->tags;
    if (m_change.keyEvent)
        m_inverse.keyEvent = before->keyEvent;
    if (m_change.retracted)
        m_inverse.retracted = before->retracted;
    return apply(true);
}

StoreError AmendEntryCommand::apply(bool forward)
{
    return store().timeline().amend(m_entryId, forward ? m_change : m_inverse, author());
}

// ---------------------------------------------------------------------------------------------
// SetSeverityCommand

SetSeverityCommand::SetSeverityCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, Severity severity,
                                       const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_after(severity)
{
    setText(tr("Set severity %1").arg(IncidentVocabulary::severityKey(severity)));
}

int SetSeverityCommand::id() const
{
    return static_cast<int>(CommandId::SetSeverity);
}

bool SetSeverityCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetSeverityCommand *>(other);
    if (next->m_incidentId != m_incidentId)
        return false;
    m_after = next->m_after;
    setText(next->text());
    setObsolete(m_after == m_before);
    return true;
}

StoreError SetSeverityCommand::perform()
{
    auto incident = store().incidents().incident(m_incidentId);
    if (!incident)
        return incident.error();
    m_before = incident->severity;
    return apply(true);
}

StoreError SetSeverityCommand::apply(bool forward)
{
    return store().incidents().setSeverity(m_incidentId, forward ? m_after : m_before, author());
}

// ---------------------------------------------------------------------------------------------
// SetStatusCommand

SetStatusCommand::SetStatusCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId,
                                   IncidentStatus incidentStatus, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_after(incidentStatus)
{
    setText(tr("Set status %1").arg(IncidentVocabulary::statusLabel(incidentStatus)));
}

StoreError SetStatusCommand::perform()
{
    auto incident = store().incidents().incident(m_incidentId);
    if (!incident)
        return incident.error();
    m_before = incident->status;
    return apply(true);
}

StoreError SetStatusCommand::apply(bool forward)
{
    return store().resolution().setStatus(m_incidentId, forward ? m_after : m_before, author());
}

// ---------------------------------------------------------------------------------------------
// SetDetailsCommand

SetDetailsCommand::SetDetailsCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, const QString &title,
                                     const QString &summary, const QString &author)
    : StoreCommand(store, status, author), m_incidentId(incidentId), m_title(title), m_summary(summary)
{
    setText(tr("Edit title and summary"));
}

int SetDetailsCommand::id() const
{
    return static_cast<int>(CommandId::SetDetails);
}

bool SetDetailsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const SetDetailsCommand *>(other);
    if (next->m_incidentId != m_incidentId)
        return false;
    m_title = next->m_title;
    m_summary = next->m_summary;
    setObsolete(m_title == m_oldTitle && m_summary == m_oldSummary);
    return true;
}

StoreError SetDetailsCommand::perform()
{
    auto incident = store().incidents().incident(m_incidentId);
    if (!incident)
        return incident.error();
    m_oldTitle = incident->title;
    m_oldSummary = incident->summary;
    return apply(true);
}

StoreError SetDetailsCommand::apply(bool forward)
{
    return forward ? store().incidents().setDetails(m_incidentId, m_title, m_summary, author())
                   : store().incidents().setDetails(m_incidentId, m_oldTitle, m_oldSummary, author());
}

} // namespace cp
