package org.tacecrf.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.tacecrf.model.user.AppUser;
import org.tacecrf.model.user.LoginEvent;

/** Users and their sign-in events. */
@ApplicationScoped
public class UserRepository {

    @PersistenceContext(unitName = "tace")
    private EntityManager em;

    public Optional<AppUser> findByUsername(String username) {
        return em.createQuery("select u from AppUser u where lower(u.username) = lower(:name)", AppUser.class)
                .setParameter("name", username)
                .getResultStream().findFirst();
    }

    public Optional<AppUser> find(long id) {
        return Optional.ofNullable(em.find(AppUser.class, id));
    }

    public List<AppUser> findAll() {
        return em.createQuery("select u from AppUser u order by u.username", AppUser.class).getResultList();
    }

    public long count() {
        return em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    }

    public long countLocked(Instant now) {
        return em.createQuery("select count(u) from AppUser u where u.lockedUntil > :now", Long.class)
                .setParameter("now", now).getSingleResult();
    }

    public void add(AppUser user) {
        em.persist(user);
    }

    public void addEvent(LoginEvent event) {
        em.persist(event);
    }

    public List<LoginEvent> recentEvents(int max) {
        return em.createQuery("select e from LoginEvent e order by e.occurredAt desc, e.id desc", LoginEvent.class)
                .setMaxResults(max).getResultList();
    }

    public List<LoginEvent> recentEvents(String username, int max) {
        return em.createQuery("select e from LoginEvent e where e.username = :name order by e.occurredAt desc, e.id desc",
                        LoginEvent.class)
                .setParameter("name", username).setMaxResults(max).getResultList();
    }
}
