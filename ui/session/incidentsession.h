#pragma once

#include "db/storeerror.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QUndoGroup;
class QUndoStack;

namespace cp {

class IncidentStore;
class Preferences;
class SaveStatus;
class StoreCommand;

// One open incident as the window's docks and dialogs see it: its id, the store, its undo
// stack, where saves are reported and who is writing (as a document is handed to each dock in
// Tiled). Every write they make goes through here: run() for an undoable command, write() for
// the few that are not undone (a round started, a message approved). Both end in
// StoreCommand::execute, so the undo stack and the save indicator never depend on the dock:
// "Saved" only after the store committed, the error whenever it refused.
class IncidentSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentSession)

public:
    static constexpr int UndoLimit = 200;

    // The session's undo stack joins 'undoGroup' (the window's Undo and Redo follow the active one).
    IncidentSession(qint64 incidentId, IncidentStore &store, SaveStatus &saveStatus, const Preferences &preferences,
                    QUndoGroup &undoGroup, QObject *parent = nullptr);
    ~IncidentSession() override;

    qint64 incidentId() const { return m_incidentId; }
    IncidentStore &store() const { return m_store; }
    QUndoStack &undoStack() const { return *m_undoStack; }
    SaveStatus &saveStatus() const { return m_saveStatus; }
    // Who the entries are by: the preferences' author name, read at each write.
    QString author() const;
    // What a write says when the window has no incident open.
    static StoreError noIncident();

    // Carries out an undoable command; only a success is pushed onto the undo stack.
    StoreError run(std::unique_ptr<StoreCommand> command);

    // Carries out a write that is not undone. 'body' makes one repository call and returns its
    // StoreError or Result<T>, which comes back unchanged.
    template <typename Body> std::invoke_result_t<Body> write(Body &&body)
    {
        using R = std::invoke_result_t<Body>;
        if constexpr (std::is_same_v<R, StoreError>) {
            return writeOnce(std::forward<Body>(body));
        } else {
            std::optional<R> result;
            const StoreError error = writeOnce([&]() -> StoreError {
                result.emplace(body());
                return result->error();
            });
            return result ? std::move(*result) : R(error);
        }
    }

private:
    StoreError writeOnce(std::function<StoreError()> body);

    qint64 m_incidentId;
    IncidentStore &m_store;
    SaveStatus &m_saveStatus;
    const Preferences &m_preferences;
    QUndoStack *m_undoStack;
};

} // namespace cp
