#pragma once

#include "db/storeerror.h"
#include "domain/incident.h"
#include "domain/timelineentry.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>
#include <memory>

class QUndoStack;

namespace cp {

class IncidentStore;
class SaveStatus;

// An undoable edit that is carried out by the store. Undo is a new store command (the
// timeline stays append-only: undoing a logged entry retracts it). A command that fails on
// undo or redo reports the error and leaves the stack, which then matches the database.
class StoreCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(cp::StoreCommand)
    Q_DISABLE_COPY_MOVE(StoreCommand)

public:
    ~StoreCommand() override = default;

    // Carries the command out once and reports the outcome to its SaveStatus: saved only after
    // the store returned success, the error otherwise. With redo and undo (run), the one place a
    // window write is reported.
    static StoreError carryOut(StoreCommand &command);
    // carryOut, and on success the command goes onto the stack, which owns it from then on.
    static StoreError execute(QUndoStack &stack, std::unique_ptr<StoreCommand> command);

    void undo() final;
    void redo() final;

protected:
    StoreCommand(IncidentStore &store, SaveStatus *status, QString author);

    // The first time: may read the state it will restore on undo.
    virtual StoreError perform() { return apply(true); }
    // Sets the text the Undo and Redo actions show, when the stack takes the command: after
    // "saved", which does not wait for it.
    virtual void describe() {}
    // forward: redo; otherwise undo.
    virtual StoreError apply(bool forward) = 0;

    IncidentStore &store() const { return m_store; }
    const QString &author() const { return m_author; }
    static QString elided(const QString &text);

private:
    void run(bool forward);
    void report(const StoreError &error) const;

    IncidentStore &m_store;
    SaveStatus *m_status;
    QString m_author;
    bool m_skipNextRedo = false;
};

// A write that is not undone, carried out by 'body' (one repository call) and never pushed.
class OneWayWrite final : public StoreCommand
{
public:
    OneWayWrite(IncidentStore &store, SaveStatus *status, std::function<StoreError()> body);

protected:
    StoreError apply(bool forward) override;

private:
    std::function<StoreError()> m_body;
};

// Logs a new timeline entry; undo retracts it, redo restores it.
class LogEntryCommand final : public StoreCommand
{
public:
    LogEntryCommand(IncidentStore &store, SaveStatus *status, const NewEntry &entry);
    qint64 entryId() const { return m_entryId; }

protected:
    StoreError perform() override;
    void describe() override;
    StoreError apply(bool forward) override;

private:
    NewEntry m_entry;
    qint64 m_entryId = 0;
};

// Amends an entry (text, kind, time, key event, retraction); undo amends it back. Amending the
// same fields of the same entry again merges into one step back to the entry as it was.
class AmendEntryCommand final : public StoreCommand
{
public:
    AmendEntryCommand(IncidentStore &store, SaveStatus *status, qint64 entryId, const EntryAmendment &change,
                      const QString &author);
    static std::unique_ptr<AmendEntryCommand> retract(IncidentStore &store, SaveStatus *status, qint64 entryId,
                                                      bool retracted, const QString &author);
    static std::unique_ptr<AmendEntryCommand> markKeyEvent(IncidentStore &store, SaveStatus *status, qint64 entryId,
                                                           bool keyEvent, const QString &author);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    StoreError perform() override;
    StoreError apply(bool forward) override;

private:
    qint64 m_entryId;
    EntryAmendment m_change;
    EntryAmendment m_inverse;
};

// Sets the incident's severity; stepping it again merges, so one undo returns to where it began.
class SetSeverityCommand final : public StoreCommand
{
public:
    SetSeverityCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, Severity severity,
                       const QString &author);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    StoreError perform() override;
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    Severity m_after;
    Severity m_before = Severity::Sev3;
};

class SetStatusCommand final : public StoreCommand
{
public:
    SetStatusCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, IncidentStatus incidentStatus,
                     const QString &author);

protected:
    StoreError perform() override;
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    IncidentStatus m_after;
    IncidentStatus m_before = IncidentStatus::Investigating;
};

// Edits the title and summary; editing them again merges into one step back.
class SetDetailsCommand final : public StoreCommand
{
public:
    SetDetailsCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, const QString &title,
                      const QString &summary, const QString &author);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    StoreError perform() override;
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_title;
    QString m_summary;
    QString m_oldTitle;
    QString m_oldSummary;
};

} // namespace cp
