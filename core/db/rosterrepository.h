#pragma once

#include "domain/roster.h"
#include "storesession.h"

#include <QObject>

namespace cp {

// The roster (people who can hold roles) and the directory of departments.
class RosterRepository final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterRepository)

public:
    explicit RosterRepository(StoreSession &session, QObject *parent = nullptr);

    // On a team server a person may come with their server login: what that login writes then
    // carries this person's name (the server stamps it). Both in one transaction.
    Result<qint64> addPerson(const Person &person, const QString &serverLogin = QString());
    StoreError linkLogin(const QString &serverLogin, qint64 personId);
    StoreError updatePerson(const Person &person);
    Result<qint64> saveDepartment(const Department &department); // by key: insert or update
    // Inserts or updates by handle / key; all or nothing. Returns how many rows changed.
    Result<int> importRoster(const QList<Department> &departments, const QList<Person> &people);
    Result<QList<Person>> people() const; // by name
    Result<Person> person(qint64 personId) const;
    // By handle, then by full name, then by a unique start of either (case-insensitive).
    Result<Person> findPerson(const QString &handleOrName) const;
    Result<QList<Department>> departments() const;

    // Inside another repository's transaction: the name and handle only.
    Result<Person> personInTx(WriteTransaction &tx, qint64 personId);

signals:
    void personChanged(qint64 personId);
    void peopleReloaded(); // too many people changed at once to name them one by one
    void departmentChanged(qint64 departmentId);

private:
    void announce(const StoreChange &change);
    StoreError linkLoginInTx(WriteTransaction &tx, const QString &serverLogin, qint64 personId);

    StoreSession &m_session;
};

} // namespace cp
