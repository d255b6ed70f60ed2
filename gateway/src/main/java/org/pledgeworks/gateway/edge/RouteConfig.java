package org.pledgeworks.gateway.edge;

import org.springframework.cloud.gateway.support.HasRouteId;

/** A filter's arguments that also carry the id of the route it is on (the gateway fills it in). */
public abstract class RouteConfig implements HasRouteId {

    private String routeId;

    @Override
    public void setRouteId(String routeId) {
        this.routeId = routeId;
    }

    @Override
    public String getRouteId() {
        return routeId;
    }

    /** The route's id, or {@code route} where none was given (a filter made by hand, in a test). */
    String routeIdOrDefault() {
        return routeId != null ? routeId : "route";
    }
}
