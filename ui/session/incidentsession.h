#pragma once

#include "storewriter.h"

#include <QObject>

#include <memory>

class QUndoGroup;
class QUndoStack;

namespace cp {

class StoreCommand;

// One open incident as the window's docks and dialogs see it: its id, the store, its undo
// stack, where saves are reported and who is writing (as a document is handed to each dock in
// Tiled). Every write they make goes through here: run() for an undoable command, write() for
// the few that are not undone (a round started, a message approved). Both are carried out by
// StoreCommand, so the undo stack and the save indicator never depend on the dock: "Saved" only
// after the store committed, the error whenever it refused.
class IncidentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentSession)

public:
    static constexpr int UndoLimit = 200;

    // The session's undo stack joins 'undoGroup' (the window's Undo and Redo follow the active one).
    IncidentSession(qint64 incidentId, const StoreWriter &writer, QUndoGroup &undoGroup, QObject *parent = nullptr);
    ~IncidentSession() override;

    qint64 incidentId() const { return m_incidentId; }
    IncidentStore &store() const { return m_writer.store(); }
    QUndoStack &undoStack() const { return *m_undoStack; }
    SaveStatus &saveStatus() const { return m_writer.saveStatus(); }
    QString author() const { return m_writer.author(); }
    // What a write says when the window has no incident open.
    static StoreError noIncident();

    // Carries out an undoable command; only a success is pushed onto the undo stack.
    StoreError run(std::unique_ptr<StoreCommand> command);
    // Carries out a write that is not undone (StoreWriter::write).
    template <typename Body> std::invoke_result_t<Body> write(Body &&body) const
    {
        return m_writer.write(std::forward<Body>(body));
    }

private:
    qint64 m_incidentId;
    const StoreWriter &m_writer;
    QUndoStack *m_undoStack;
};

} // namespace cp
