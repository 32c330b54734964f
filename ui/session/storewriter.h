#pragma once

#include "db/storeerror.h"

#include <QCoreApplication>

#include <functional>
#include <optional>
#include <type_traits>

namespace cp {

class IncidentStore;
class Preferences;
class SaveStatus;

// How the window writes what is not undone: one repository call, carried out as a StoreCommand
// (StoreCommand::carryOut), which reports it to the SaveStatus the status bar listens to. The
// window has one; each IncidentSession writes through it, and so do the writes that belong to no
// incident's history (the roster, declaring an incident).
class StoreWriter final
{
    Q_DECLARE_TR_FUNCTIONS(cp::StoreWriter)
    Q_DISABLE_COPY_MOVE(StoreWriter)

public:
    StoreWriter(IncidentStore &store, SaveStatus &saveStatus, const Preferences &preferences);

    IncidentStore &store() const { return m_store; }
    SaveStatus &saveStatus() const { return m_saveStatus; }
    // Who the entries are by, read at each write: on a team server that stamps this login's rows,
    // the name it stamps (whatever is sent, that name is what the record shows); otherwise the
    // preferences' author name.
    QString author() const;

    // 'body' makes the repository call and returns its StoreError or Result<T>, handed back as it is.
    template <typename Body> std::invoke_result_t<Body> write(Body &&body) const
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
    StoreError writeOnce(std::function<StoreError()> body) const;

    IncidentStore &m_store;
    SaveStatus &m_saveStatus;
    const Preferences &m_preferences;
};

} // namespace cp
